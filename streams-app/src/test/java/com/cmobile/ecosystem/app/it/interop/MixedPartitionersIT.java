package com.cmobile.ecosystem.app.it.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.CRC32;

import com.cmobile.ecosystem.app.EcosystemApp;
import com.cmobile.ecosystem.app.oracle.Expected;
import com.cmobile.ecosystem.app.oracle.NaiveAnswers;
import com.cmobile.ecosystem.events.OnboardingAction;
import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import com.cmobile.ecosystem.events.PartnerRole;
import com.cmobile.ecosystem.events.PopAction;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.events.Program;
import com.cmobile.ecosystem.events.Topics;
import com.cmobile.ecosystem.app.topology.Events;
import com.cmobile.ecosystem.app.it.query.AppInstances;
import com.cmobile.ecosystem.app.it.query.AppInstances.TestTopics;
import com.cmobile.ecosystem.testkit.EmbeddedKafka;
import com.cmobile.ecosystem.testkit.PythonInterop;
import com.cmobile.ecosystem.testkit.EmbeddedKafkaExtension;
import com.cmobile.ecosystem.producers.EcosystemPublisher;
import com.cmobile.ecosystem.producers.PublisherConfig;
import com.cmobile.ecosystem.serde.SpecificAvroSerializer;
import com.cmobile.ecosystem.validation.EventValidator;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Confluent's Python client and our Java publisher write the same PoP and partner keys. Their
 * default partitioners differ (librdkafka's {@code consistent_random}: CRC32 of the key; Java's:
 * murmur2), so on topics of six partitions most of these keys have their events on two partitions,
 * read by two tasks. The application must still answer what the events say: per key, the event
 * with the latest {@code occurredAt} wins, and a decommission or a departure ends the state.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class MixedPartitionersIT {

    private static final int PARTITIONS = 6;
    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration ANSWERS_DEADLINE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PARTITION_LINE = Pattern.compile("^partition (\\S+) (\\S+) (\\d+)$", Pattern.MULTILINE);

    /** Event times in the recent past: the validator refuses the future, the broker keeps the past. */
    private static final Instant FIRST = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
    private static final Instant LATER = FIRST.plus(Duration.ofMinutes(10));

    private static final List<String> COMMISSIONED_IN_JAVA = keys("pop-java-then-python");
    private static final List<String> COMMISSIONED_IN_PYTHON = keys("pop-python-then-java");
    private static final List<String> RESIZED_IN_JAVA = keys("pop-python-resized");
    private static final List<String> JOINED_IN_JAVA = keys("partner-java-then-python");
    private static final List<String> JOINED_IN_PYTHON = keys("partner-python-then-java");
    private static final List<String> UPDATED_IN_JAVA = keys("partner-python-updated");

    @BeforeAll
    static void confluentClientIsInstalled() {
        PythonInterop.requireConfluentClient();
    }

    @Test
    void answersFollowTheLatestEventOfEachKeyWhicheverClientWroteIt(EmbeddedKafka kafka, @TempDir Path work)
            throws Exception {
        // given keys that the two partitioners put on different partitions, in every scenario
        for (List<String> scenario : List.of(COMMISSIONED_IN_JAVA, COMMISSIONED_IN_PYTHON, RESIZED_IN_JAVA,
                JOINED_IN_JAVA, JOINED_IN_PYTHON, UPDATED_IN_JAVA)) {
            assertThat(scenario).as("keys on different partitions (murmur2 vs CRC32, %d partitions)", PARTITIONS)
                    .anyMatch(key -> murmur2Partition(key) != crc32Partition(key));
        }
        var topics = TestTopics.create(kafka, PARTITIONS);
        var history = new ArrayList<SpecificRecord>();
        var inJava = new Writer(history);
        var inPython = new Writer(history);

        // when each key is started in one client and changed or ended in the other
        COMMISSIONED_IN_JAVA.forEach(id -> inJava.add(pop(id, PopAction.COMMISSIONED, "Nairobi", "KE", 400, FIRST)));
        COMMISSIONED_IN_PYTHON.forEach(id -> inPython.add(pop(id, PopAction.COMMISSIONED, "Paris", "FR", 700, FIRST)));
        RESIZED_IN_JAVA.forEach(id -> inPython.add(pop(id, PopAction.COMMISSIONED, "Nairobi", "KE", 100, FIRST)));
        JOINED_IN_JAVA.forEach(id -> inJava.add(partner(id, OnboardingAction.JOINED, PartnerRole.MEMBER, "KE", 1_000L, FIRST)));
        JOINED_IN_PYTHON.forEach(id -> inPython.add(partner(id, OnboardingAction.JOINED, PartnerRole.MEMBER, "FR", 2_000L, FIRST)));
        UPDATED_IN_JAVA.forEach(id -> inPython.add(partner(id, OnboardingAction.JOINED, PartnerRole.MEMBER, "FR", 3_000L, FIRST)));
        Map<String, Integer> javaPartitions = new HashMap<>(inJava.publish(kafka, topics));
        Map<String, Integer> pythonPartitions = new HashMap<>(inPython.runScript(kafka, topics, work.resolve("first.json")));

        COMMISSIONED_IN_JAVA.forEach(id -> inPython.add(pop(id, PopAction.DECOMMISSIONED, "Nairobi", "KE", 0, LATER)));
        COMMISSIONED_IN_PYTHON.forEach(id -> inJava.add(pop(id, PopAction.DECOMMISSIONED, "Paris", "FR", 0, LATER)));
        RESIZED_IN_JAVA.forEach(id -> inJava.add(pop(id, PopAction.CAPACITY_CHANGED, "Nairobi", "KE", 250, LATER)));
        JOINED_IN_JAVA.forEach(id -> inPython.add(partner(id, OnboardingAction.LEFT, PartnerRole.MEMBER, "KE", null, LATER)));
        JOINED_IN_PYTHON.forEach(id -> inJava.add(partner(id, OnboardingAction.LEFT, PartnerRole.MEMBER, "FR", null, LATER)));
        UPDATED_IN_JAVA.forEach(id -> inJava.add(partner(id, OnboardingAction.UPDATED, PartnerRole.PARTNER, "FR", 5_000L, LATER)));
        javaPartitions.putAll(inJava.publish(kafka, topics));
        pythonPartitions.putAll(inPython.runScript(kafka, topics, work.resolve("later.json")));

        // then each client used the partitioner the test computes
        assertThat(javaPartitions).allSatisfy((key, partition) ->
                assertThat(partition).as("Java publisher, key %s", key).isEqualTo(murmur2Partition(key)));
        assertThat(pythonPartitions).allSatisfy((key, partition) ->
                assertThat(partition).as("Confluent's Python client, key %s", key).isEqualTo(crc32Partition(key)));

        // and the application answers what the events say
        Map<String, Expected> expected = expectedAnswers(history);
        String applicationId = kafka.uniqueName("mixed-partitioners");
        try (EcosystemApp app = AppInstances.start(kafka, applicationId, topics, work.resolve("state"))) {
            await().atMost(ANSWERS_DEADLINE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                assertThat(unreadEvents(kafka, applicationId, topics)).as("events the application has not read").isZero();
                assertThat(NaiveAnswers.differences(expected, route -> AppInstances.get(app, route)))
                        .as("the application's answers that differ from the recomputation").isEmpty();
            });
        }
    }

    /**
     * Every route, with each PoP and partner the history names (each country and city too, the last
     * even once all its PoPs are gone), recomputed from the events in the order they were sent: no two
     * events of a key share an occurredAt here, so the order between the clients never decides the
     * states, nor growth, which counts the beginnings and ends of each membership's history in time
     * order.
     */
    private static Map<String, Expected> expectedAnswers(List<SpecificRecord> history) {
        var oracle = new NaiveAnswers();
        for (SpecificRecord event : history) {
            boolean valid = event instanceof PopCapacityEvent pop ? oracle.apply(pop)
                    : oracle.apply((PartnerOnboardingEvent) event);
            assertThat(valid).as("valid: %s", event).isTrue();
        }
        return oracle.answers(NaiveAnswers.Growth.INCLUDED, oracle.popIds(), oracle.partnerIds());
    }

    private static List<String> keys(String prefix) {
        return List.of(prefix + "-1", prefix + "-2", prefix + "-3", prefix + "-4");
    }

    /** Java's default partitioner for a keyed record (Kafka's BuiltInPartitioner.partitionForKey). */
    private static int murmur2Partition(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
    }

    /** librdkafka's consistent_random for a keyed record: rd_crc32(key) % partition_cnt, unsigned. */
    private static int crc32Partition(String key) {
        var crc = new CRC32();
        crc.update(key.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % PARTITIONS);
    }

    /** The events one client is to send next; everything sent is added to the shared history. */
    private static final class Writer {
        private final List<SpecificRecord> history;
        private final List<SpecificRecord> pending = new ArrayList<>();

        Writer(List<SpecificRecord> history) {
            this.history = history;
        }

        void add(SpecificRecord event) {
            pending.add(event);
        }

        /** Sends with {@link EcosystemPublisher}; returns each key's partition as the broker acknowledged it. */
        Map<String, Integer> publish(EmbeddedKafka kafka, TestTopics topics) {
            var config = new PublisherConfig(kafka.bootstrapServers(), kafka.schemaRegistryUrl(), Map.of());
            var partitions = new HashMap<String, Integer>();
            try (var publisher = new EcosystemPublisher(new ToTestTopics(config, topics), EventValidator.withDefaults())) {
                for (SpecificRecord event : pending) {
                    var published = event instanceof PopCapacityEvent pop ? publisher.publish(pop).join()
                            : publisher.publish((PartnerOnboardingEvent) event).join();
                    partitions.put(published.key(), published.partition());
                }
            }
            return sent(partitions);
        }

        /** Sends with Confluent's Python client; returns each key's partition as its delivery report gave it. */
        Map<String, Integer> runScript(EmbeddedKafka kafka, TestTopics topics, Path plan) throws Exception {
            var records = pending.stream().map(event -> Map.of(
                    "schema", event instanceof PopCapacityEvent ? "pop" : "partner",
                    "topic", event instanceof PopCapacityEvent ? topics.popCapacity() : topics.partnerOnboarding(),
                    "key", key(event),
                    "value", PythonInterop.plainJson(event))).toList();
            var content = new LinkedHashMap<String, Object>();
            content.put("bootstrap", kafka.bootstrapServers());
            content.put("registry", kafka.schemaRegistryUrl());
            content.put("schemas", Map.of("pop", PopCapacityEvent.getClassSchema().toString(),
                    "partner", PartnerOnboardingEvent.getClassSchema().toString()));
            content.put("records", records);
            Files.writeString(plan, JSON.writeValueAsString(content));
            var outcome = PythonInterop.run(List.of(PythonInterop.PYTHON,
                    PythonInterop.shippedScript("confluent_produce.py").toString(),
                    plan.toString()), SCRIPT_TIMEOUT);
            assertThat(outcome.exitCode()).as("confluent_produce.py output:%n%s", outcome.output()).isZero();
            var partitions = new HashMap<String, Integer>();
            var matcher = PARTITION_LINE.matcher(outcome.output());
            while (matcher.find()) {
                partitions.put(matcher.group(2), Integer.parseInt(matcher.group(3)));
            }
            assertThat(partitions.keySet()).as("delivery reports").isEqualTo(
                    pending.stream().map(MixedPartitionersIT::key).collect(Collectors.toSet()));
            return sent(partitions);
        }

        private Map<String, Integer> sent(Map<String, Integer> partitions) {
            history.addAll(pending);
            pending.clear();
            return partitions;
        }
    }

    /**
     * Our publisher's own producer and partitioner, writing to this test's topics instead of the
     * production ones: the broker is shared with other tests.
     */
    private static final class ToTestTopics extends KafkaProducer<String, SpecificRecord> {
        private final Map<String, String> topics;

        ToTestTopics(PublisherConfig config, TestTopics topics) {
            super(config.producerProperties(), new StringSerializer(), serializer(config));
            this.topics = Map.of(Topics.POP_CAPACITY, topics.popCapacity(),
                    Topics.PARTNER_ONBOARDING, topics.partnerOnboarding());
        }

        private static SpecificAvroSerializer<SpecificRecord> serializer(PublisherConfig config) {
            var serializer = new SpecificAvroSerializer<SpecificRecord>();
            serializer.configure(config.serializerProperties(), false);
            return serializer;
        }

        @Override
        public Future<RecordMetadata> send(ProducerRecord<String, SpecificRecord> record, Callback callback) {
            return super.send(new ProducerRecord<>(topics.get(record.topic()), record.partition(), record.timestamp(),
                    record.key(), record.value(), record.headers()), callback);
        }
    }

    private static String key(SpecificRecord event) {
        return event instanceof PopCapacityEvent pop ? pop.getPopId() : ((PartnerOnboardingEvent) event).getPartnerId();
    }

    /** A PoP of this test: its business location follows its country. */
    private static PopCapacityEvent pop(String popId, PopAction action, String city, String country, long capacityMbps,
                                        Instant occurredAt) {
        return Events.pop(action, popId, city, country, "CMobile " + country, capacityMbps, occurredAt);
    }

    /** A Hand-in-Hand membership, the one program this test writes. */
    private static PartnerOnboardingEvent partner(String partnerId, OnboardingAction action, PartnerRole role,
                                                  String country, Long subscribers, Instant occurredAt) {
        return Events.partner(action, partnerId, Program.HAND_IN_HAND, role, country, subscribers, occurredAt);
    }

    /** Input records not yet committed by the application's consumer group, over both input topics. */
    private static long unreadEvents(EmbeddedKafka kafka, String applicationId, TestTopics topics) throws Exception {
        var admin = kafka.adminClient();
        var partitions = new HashMap<TopicPartition, OffsetSpec>();
        for (String topic : List.of(topics.popCapacity(), topics.partnerOnboarding())) {
            for (int p = 0; p < PARTITIONS; p++) {
                partitions.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
        }
        var ends = admin.listOffsets(partitions).all().get();
        var committed = admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();
        long unread = 0;
        for (var end : ends.entrySet()) {
            var position = committed.get(end.getKey());
            unread += end.getValue().offset() - (position == null ? 0 : position.offset());
        }
        return unread;
    }
}
