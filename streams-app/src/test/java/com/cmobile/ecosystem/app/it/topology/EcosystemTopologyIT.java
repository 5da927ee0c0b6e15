package com.cmobile.ecosystem.app.it.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.cmobile.ecosystem.app.config.AppConfig;
import com.cmobile.ecosystem.app.config.StreamsProperties;
import com.cmobile.ecosystem.app.topology.DeadLetterHeaders;
import com.cmobile.ecosystem.app.topology.DeadLetterListener;
import com.cmobile.ecosystem.app.topology.EcosystemTopology;
import com.cmobile.ecosystem.app.topology.StoreNames;
import com.cmobile.ecosystem.app.topology.model.CityCapacity;
import com.cmobile.ecosystem.app.query.AllianceRollUp;
import com.cmobile.ecosystem.app.query.CapacityRollUp;
import com.cmobile.ecosystem.app.topology.model.GlobalCapacity;
import com.cmobile.ecosystem.app.topology.model.MembershipState;
import com.cmobile.ecosystem.app.topology.model.OrganisationCount;
import com.cmobile.ecosystem.app.topology.model.ProgramAlliance;
import com.cmobile.ecosystem.app.topology.model.ProgramCountryAlliance;
import com.cmobile.ecosystem.app.topology.model.StoreKeys;
import com.cmobile.ecosystem.events.OnboardingAction;
import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import com.cmobile.ecosystem.events.PartnerRole;
import com.cmobile.ecosystem.events.PopAction;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.events.Program;
import com.cmobile.ecosystem.testkit.EmbeddedKafka;
import com.cmobile.ecosystem.testkit.EmbeddedKafkaExtension;
import com.cmobile.ecosystem.serde.EventSerdes;
import com.cmobile.ecosystem.validation.EventValidator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production topology on the embedded broker with exactly_once_v2: events published with the
 * schemas serializer — a move, a decommissioning, a late older event, a duplicate, a backfill dated
 * years back, an invalid event and unreadable bytes — end up in the stores (read through
 * interactive queries) and the DLQ (read committed) exactly as the rules say.
 *
 * <p>The broker is shared by every broker test of the JVM, so this one uses topics and an
 * application id of its own.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class EcosystemTopologyIT {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Instant HOUR_AGO = NOW.minus(Duration.ofHours(1));
    private static final Instant TWO_HOURS_AGO = NOW.minus(Duration.ofHours(2));
    private static final Instant YEARS_AGO = Instant.parse("2019-03-04T05:06:07Z");

    private final List<String> deadLettered = new CopyOnWriteArrayList<>();
    private KafkaStreams streams;

    @AfterEach
    void stop() {
        if (streams != null) {
            streams.close(Duration.ofSeconds(30));
            streams.cleanUp();
        }
    }

    @Test
    void eventsOnTheBrokerEndInTheStoresAndTheDlqExactlyOnce(EmbeddedKafka kafka, @TempDir Path stateDir) {
        var config = givenTopologyRunningOn(kafka, stateDir);
        var serdeConfig = StreamsProperties.serdeConfig(config);
        var sydney = commissioned("pop-a", "Sydney", "AU", "CMI Oceania", 400, TWO_HOURS_AGO);
        byte[] garbage = {42, 0, 1};

        try (var producer = new KafkaProducer<>(kafka.producerProperties(), new ByteArraySerializer(), new ByteArraySerializer())) {
            var popSerializer = EventSerdes.popCapacity(serdeConfig).serializer();
            var partnerSerializer = EventSerdes.partnerOnboarding(serdeConfig).serializer();
            for (PopCapacityEvent event : List.of(
                    sydney,
                    commissioned("pop-b", "Paris", "FR", "CMI Europe", 100, TWO_HOURS_AGO),
                    commissioned("pop-b", "Lyon", "FR", "CMI Europe", 150, HOUR_AGO),           // move
                    commissioned("pop-b", "Marseille", "FR", "CMI Europe", 999, TWO_HOURS_AGO), // late, older
                    sydney,                                                                      // duplicate
                    commissioned("pop-c", "Tokyo", "JP", "CMI Asia", 70, TWO_HOURS_AGO),
                    pop(PopAction.DECOMMISSIONED, "pop-c", "", "", "", 0, HOUR_AGO),
                    commissioned("pop-old", "Nairobi", "KE", "CMI Africa", 5, YEARS_AGO),       // backfill
                    commissioned("pop-future", "Paris", "FR", "CMI Europe", 1, NOW.plus(Duration.ofMinutes(30))))) {
                producer.send(new ProducerRecord<>(config.popCapacityTopic(), utf8(event.getPopId()),
                        popSerializer.serialize(config.popCapacityTopic(), event)));
            }
            producer.send(new ProducerRecord<>(config.popCapacityTopic(), utf8("pop-garbage"), garbage));
            for (PartnerOnboardingEvent event : List.of(
                    partner(OnboardingAction.JOINED, "partner-1", PartnerRole.MEMBER, "FR", YEARS_AGO),
                    partner(OnboardingAction.JOINED, "partner-2", PartnerRole.PARTNER, "DE", TWO_HOURS_AGO),
                    partner(OnboardingAction.LEFT, "partner-2", PartnerRole.PARTNER, "", HOUR_AGO))) {
                producer.send(new ProducerRecord<>(config.partnerOnboardingTopic(), utf8(event.getPartnerId()),
                        partnerSerializer.serialize(config.partnerOnboardingTopic(), event)));
            }
            producer.flush();
        }

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            assertThat(CapacityRollUp.of(this.<CityCapacity>all(StoreNames.CITY_CAPACITY),
                    all(StoreNames.BUSINESS_LOCATION_CAPACITY).size()).global())
                    .isEqualTo(new GlobalCapacity(555, 3, 3, 3, 3));
            assertThat(this.<CityCapacity>get(StoreNames.CITY_CAPACITY, StoreKeys.city("FR", "lyon")))
                    .contains(new CityCapacity("FR", "Lyon", 150, 1));
            assertThat(this.<CityCapacity>get(StoreNames.CITY_CAPACITY, StoreKeys.city("FR", "paris"))).isEmpty();
            assertThat(AllianceRollUp.of(this.<ProgramCountryAlliance>all(StoreNames.PROGRAM_COUNTRY_ALLIANCE))
                    .program(Program.GTI)).isEqualTo(new ProgramAlliance(Program.GTI, 1, 0, 1_000, 1));
            assertThat(this.<OrganisationCount>get(StoreNames.ORGANISATION_COUNT, StoreKeys.GLOBAL))
                    .contains(new OrganisationCount(1));
            assertThat(this.<MembershipState>get(StoreNames.MEMBERSHIP_HISTORY,
                    StoreKeys.membershipVersion("partner-1", Program.GTI, YEARS_AGO)))
                    .hasValueSatisfying(version -> assertThat(version.active()).isTrue());
        });
        var deadLetters = readCommitted(kafka, config.popCapacityDlqTopic(), 2);
        assertThat(deadLetters).extracting(r -> header(r, DeadLetterHeaders.REASONS))
                .containsExactlyInAnyOrder(Optional.of("future-timestamp"), Optional.of("deserialization"));
        assertThat(deadLetters).filteredOn(r -> new String(r.key(), StandardCharsets.UTF_8).equals("pop-garbage"))
                .singleElement().satisfies(r -> assertThat(r.value()).isEqualTo(garbage));
        assertThat(deadLettered).containsExactlyInAnyOrder(config.popCapacityDlqTopic() + ":future-timestamp",
                config.popCapacityDlqTopic() + ":deserialization");
    }

    private AppConfig givenTopologyRunningOn(EmbeddedKafka kafka, Path stateDir) {
        var values = new HashMap<String, String>();
        values.put("BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        values.put("SCHEMA_REGISTRY_URL", kafka.schemaRegistryUrl());
        values.put("APPLICATION_ID", kafka.uniqueName("topology-it"));
        values.put("STATE_DIR", stateDir.toString());
        values.put("POP_CAPACITY_TOPIC", kafka.uniqueName("pop-capacity"));
        values.put("PARTNER_ONBOARDING_TOPIC", kafka.uniqueName("partner-onboarding"));
        values.put("POP_CAPACITY_DLQ_TOPIC", kafka.uniqueName("pop-capacity-dlq"));
        values.put("PARTNER_ONBOARDING_DLQ_TOPIC", kafka.uniqueName("partner-onboarding-dlq"));
        var config = AppConfig.from(values);
        // Two partitions, so the aggregates really travel through the repartition topics.
        kafka.createTopic(config.popCapacityTopic(), 2);
        kafka.createTopic(config.partnerOnboardingTopic(), 2);
        kafka.createTopics(config.popCapacityDlqTopic(), config.partnerOnboardingDlqTopic());

        DeadLetterListener listener = (topic, reason) -> deadLettered.add(topic + ":" + reason);
        var topology = new EcosystemTopology(StreamsProperties.topologySettings(config, 2, 2), EventValidator.withDefaults(),
                listener).build();
        var props = StreamsProperties.of(config, listener, topology);
        assertThat(props.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        streams = new KafkaStreams(topology, props);
        streams.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> streams.state() == KafkaStreams.State.RUNNING);
        return config;
    }

    private <V> List<V> all(String store) {
        var view = streams.store(StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.<String, V>keyValueStore()));
        var values = new ArrayList<V>();
        try (var iterator = view.all()) {
            iterator.forEachRemaining(entry -> values.add(entry.value));
        }
        return values;
    }

    private <V> Optional<V> get(String store, String key) {
        var view = streams.store(StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.<String, V>keyValueStore()));
        return Optional.ofNullable(view.get(key));
    }

    private static List<ConsumerRecord<byte[], byte[]>> readCommitted(EmbeddedKafka kafka, String topic, int count) {
        var records = new ArrayList<ConsumerRecord<byte[], byte[]>>();
        try (var consumer = new KafkaConsumer<>(kafka.consumerProperties(kafka.uniqueName("dlq-reader")),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= count;
            });
        }
        return records;
    }

    private static Optional<String> header(ConsumerRecord<byte[], byte[]> record, String key) {
        return DeadLetterHeaders.read(record.headers(), key);
    }

    private static PopCapacityEvent commissioned(String popId, String city, String country, String location,
                                                 long capacity, Instant at) {
        return pop(PopAction.COMMISSIONED, popId, city, country, location, capacity, at);
    }

    private static PopCapacityEvent pop(PopAction action, String popId, String city, String country, String location,
                                        long capacity, Instant at) {
        return PopCapacityEvent.newBuilder().setEventId(UUID.randomUUID()).setPopId(popId).setAction(action)
                .setCity(city).setCountry(country).setBusinessLocation(location).setCapacityMbps(capacity)
                .setOccurredAt(at).setSource("topology-it").build();
    }

    private static PartnerOnboardingEvent partner(OnboardingAction action, String partnerId, PartnerRole role,
                                                  String country, Instant at) {
        return PartnerOnboardingEvent.newBuilder().setEventId(UUID.randomUUID()).setPartnerId(partnerId)
                .setPartnerName(action == OnboardingAction.LEFT ? "" : "Partner " + partnerId).setProgram(Program.GTI)
                .setRole(role).setAction(action).setCountry(country).setSubscribers(1_000L).setOccurredAt(at)
                .setSource("topology-it").build();
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
