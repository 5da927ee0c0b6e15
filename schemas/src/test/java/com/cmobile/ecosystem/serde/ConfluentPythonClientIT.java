package com.cmobile.ecosystem.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.cmobile.ecosystem.events.OnboardingAction;
import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import com.cmobile.ecosystem.events.PopAction;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.testing.SampleEvents;
import com.cmobile.ecosystem.testkit.EmbeddedKafka;
import com.cmobile.ecosystem.testkit.EmbeddedKafkaExtension;
import com.cmobile.ecosystem.testkit.PythonInterop;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Confluent's own Python client (Debian's python3-confluent-kafka with its confluent_kafka.avro
 * module) and our serdes, through the embedded broker: Python produces events our
 * {@link SpecificAvroDeserializer} reads, and consumes events our {@link SpecificAvroSerializer}
 * wrote. The registry both register in is this module's {@code MockRegistryFront}; Confluent's
 * client against the registry server is checked in the registry module.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class ConfluentPythonClientIT {

    private static final Path SCRIPT = Path.of("src", "test", "python", "confluent_interop.py");
    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(ConfluentPythonClientIT.class);

    private static final Instant BACKFILL_2006 = Instant.parse("2006-03-01T09:00:00.123Z");

    @BeforeAll
    static void confluentClientIsInstalled() {
        PythonInterop.requireConfluentClient();
    }

    @Test
    void confluentsPythonClientAndOurJavaSerdesReadEachOthersRecords(EmbeddedKafka kafka, @TempDir Path work)
            throws Exception {
        // given events the Java serializer wrote, and events for Python to write
        var topics = new Topics(kafka);
        var javaPops = List.of(pop("pop-nbo-1", PopAction.COMMISSIONED, 400L, BACKFILL_2006));
        var javaPartners = List.of(
                partner("partner-orange", OnboardingAction.JOINED, 250_000_000L, BACKFILL_2006),
                partner("partner-gone", OnboardingAction.LEFT, null, Instant.parse("2025-01-31T12:00:00Z")));
        var pythonPops = List.of(
                pop("pop-lhr-7", PopAction.CAPACITY_CHANGED, 10_000L, Instant.parse("2024-06-30T23:59:59.999Z")),
                pop("pop-sin-2", PopAction.DECOMMISSIONED, 0L, BACKFILL_2006));
        var pythonPartners = List.of(partner("partner-axiata", OnboardingAction.UPDATED, null, BACKFILL_2006));
        Map<String, Integer> javaIds = new HashMap<>();
        javaIds.put("pop", produce(kafka, topics.javaPop, javaPops, PopCapacityEvent::getPopId));
        javaIds.put("partner", produce(kafka, topics.javaPartner, javaPartners, PartnerOnboardingEvent::getPartnerId));

        // when the Python script produces and consumes through the broker
        Path plan = work.resolve("plan.json");
        Files.writeString(plan, JSON.writeValueAsString(plan(kafka, topics, javaPops, javaPartners, pythonPops, pythonPartners)));
        long startedAt = System.nanoTime();
        var outcome = PythonInterop.run(List.of(PythonInterop.PYTHON, SCRIPT.toAbsolutePath().toString(), plan.toString()),
                SCRIPT_TIMEOUT);
        LOG.info("confluent_interop.py exited {} after {} ms:\n{}", outcome.exitCode(),
                Duration.ofNanos(System.nanoTime() - startedAt).toMillis(), outcome.output().strip());

        // then every check in Python passed: the values of the Java-written records
        assertThat(outcome.exitCode()).as("confluent_interop.py output:%n%s", outcome.output()).isZero();
        assertThat(pythonSchemaIds(outcome.output())).as("one id per schema, whichever client registered it")
                .isEqualTo(javaIds);

        // and the Java deserializer reads what Python wrote, field by field
        assertSameEvents(consume(kafka, topics.pythonPop, PopCapacityEvent.class, pythonPops.size()),
                pythonPops, PopCapacityEvent::getPopId);
        assertSameEvents(consume(kafka, topics.pythonPartner, PartnerOnboardingEvent.class, pythonPartners.size()),
                pythonPartners, PartnerOnboardingEvent::getPartnerId);
    }

    /** Fresh topics for this run: the broker is shared with other tests. */
    private static final class Topics {
        final String javaPop;
        final String javaPartner;
        final String pythonPop;
        final String pythonPartner;

        Topics(EmbeddedKafka kafka) {
            javaPop = kafka.uniqueName("java-pop-capacity");
            javaPartner = kafka.uniqueName("java-partner-onboarding");
            pythonPop = kafka.uniqueName("python-pop-capacity");
            pythonPartner = kafka.uniqueName("python-partner-onboarding");
            kafka.createTopics(javaPop, javaPartner, pythonPop, pythonPartner);
        }
    }

    private static PopCapacityEvent pop(String popId, PopAction action, long capacityMbps, Instant occurredAt) {
        return SampleEvents.pop()
                .setEventId(UUID.nameUUIDFromBytes(popId.getBytes(StandardCharsets.UTF_8)))
                .setPopId(popId)
                .setAction(action)
                .setCapacityMbps(capacityMbps)
                .setOccurredAt(occurredAt)
                .build();
    }

    /** With a name beyond ASCII and, where {@code subscribers} is null, an absent optional field. */
    private static PartnerOnboardingEvent partner(String partnerId, OnboardingAction action, Long subscribers,
                                                  Instant occurredAt) {
        return SampleEvents.partner()
                .setEventId(UUID.nameUUIDFromBytes(partnerId.getBytes(StandardCharsets.UTF_8)))
                .setPartnerId(partnerId)
                .setPartnerName("Name of " + partnerId + " – ünïcödé")
                .setAction(action)
                .setSubscribers(subscribers)
                .setOccurredAt(occurredAt)
                .build();
    }

    /**
     * Writes the events, keyed by their id, with our {@link SpecificAvroSerializer} (registering
     * the schema under {@code <topic>-value}) and returns the schema id their bytes carry.
     */
    private static <T extends SpecificRecord> int produce(EmbeddedKafka kafka, String topic, List<T> events,
                                                          Function<T, String> key) throws Exception {
        int schemaId = -1;
        try (var serializer = new SpecificAvroSerializer<T>();
             var producer = new KafkaProducer<>(kafka.producerProperties(), new StringSerializer(), new ByteArraySerializer())) {
            serializer.configure(registryConfig(kafka), false);
            for (T event : events) {
                byte[] value = serializer.serialize(topic, event);
                schemaId = ByteBuffer.wrap(value, 1, 4).getInt();
                producer.send(new ProducerRecord<>(topic, key.apply(event), value)).get();
            }
        }
        return schemaId;
    }

    /** Reads with our {@link SpecificAvroDeserializer}, the generated class as reader schema. */
    private static <T extends SpecificRecord> List<T> consume(EmbeddedKafka kafka, String topic, Class<T> type, int count) {
        var events = new ArrayList<T>();
        var deserializer = new SpecificAvroDeserializer<>(type);
        deserializer.configure(registryConfig(kafka), false);
        try (var consumer = new KafkaConsumer<>(kafka.consumerProperties(kafka.uniqueName("java-reader")),
                new StringDeserializer(), deserializer)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (events.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, T> record : consumer.poll(Duration.ofMillis(200))) {
                    events.add(record.value());
                }
            }
        }
        return events;
    }

    private static Map<String, Object> registryConfig(EmbeddedKafka kafka) {
        return Map.of("schema.registry.url", kafka.schemaRegistryUrl());
    }

    private static <T extends SpecificRecord> void assertSameEvents(List<T> actual, List<T> expected,
                                                                    Function<T, String> key) {
        assertThat(actual).extracting(key).containsExactlyInAnyOrderElementsOf(expected.stream().map(key).toList());
        for (T want : expected) {
            T got = actual.stream().filter(e -> key.apply(e).equals(key.apply(want))).findFirst().orElseThrow();
            for (Schema.Field field : want.getSchema().getFields()) {
                assertThat(got.get(field.pos()))
                        .as("%s %s field %s", want.getSchema().getName(), key.apply(want), field.name())
                        .isEqualTo(want.get(field.pos()));
            }
        }
    }

    private static Map<String, Object> plan(EmbeddedKafka kafka, Topics topics,
                                            List<PopCapacityEvent> javaPops, List<PartnerOnboardingEvent> javaPartners,
                                            List<PopCapacityEvent> pythonPops, List<PartnerOnboardingEvent> pythonPartners) {
        var plan = new LinkedHashMap<String, Object>();
        plan.put("bootstrap", kafka.bootstrapServers());
        plan.put("registry", kafka.schemaRegistryUrl());
        plan.put("schemas", Map.of(
                "pop", PopCapacityEvent.getClassSchema().toString(),
                "partner", PartnerOnboardingEvent.getClassSchema().toString()));
        plan.put("produce", Map.of(
                "pop", topicPlan(topics.pythonPop, pythonPops, PopCapacityEvent::getPopId),
                "partner", topicPlan(topics.pythonPartner, pythonPartners, PartnerOnboardingEvent::getPartnerId)));
        plan.put("consume", Map.of(
                "pop", topicPlan(topics.javaPop, javaPops, PopCapacityEvent::getPopId),
                "partner", topicPlan(topics.javaPartner, javaPartners, PartnerOnboardingEvent::getPartnerId)));
        return plan;
    }

    private static <T extends SpecificRecord> Map<String, Object> topicPlan(String topic, List<T> events,
                                                                            Function<T, String> key) {
        var records = events.stream()
                .map(event -> Map.of("key", key.apply(event), "value", PythonInterop.plainJson(event)))
                .toList();
        return Map.of("topic", topic, "records", records);
    }

    private static Map<String, Integer> pythonSchemaIds(String output) {
        var ids = new HashMap<String, Integer>();
        var matcher = Pattern.compile("^id\\s+(\\w+)\\s+(\\d+)$", Pattern.MULTILINE).matcher(output);
        while (matcher.find()) {
            ids.put(matcher.group(1), Integer.parseInt(matcher.group(2)));
        }
        return ids;
    }
}
