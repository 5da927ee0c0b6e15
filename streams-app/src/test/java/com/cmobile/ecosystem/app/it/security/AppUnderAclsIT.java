package com.cmobile.ecosystem.app.it.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.cmobile.ecosystem.app.EcosystemApp;
import com.cmobile.ecosystem.app.config.AppConfig;
import com.cmobile.ecosystem.app.it.query.AppInstances;
import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import com.cmobile.ecosystem.events.PopAction;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.events.Topics;
import com.cmobile.ecosystem.producers.EcosystemPublisher;
import com.cmobile.ecosystem.producers.PublisherConfig;
import com.cmobile.ecosystem.producers.acl.AclPrincipals;
import com.cmobile.ecosystem.producers.acl.EcosystemAcls;
import com.cmobile.ecosystem.testkit.EmbeddedKafka;
import com.cmobile.ecosystem.testkit.PythonInterop;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import com.cmobile.ecosystem.testkit.broker.BrokerSecurity;
import com.cmobile.ecosystem.testkit.broker.ScramUser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real application with {@code exactly_once_v2}, authenticated with SCRAM-SHA-512 over TLS
 * (from its {@code KAFKA_*} settings) and holding only the ACLs {@code producers.jar acls apply}
 * grants it: it creates its internal topics, commits transactions, answers over HTTP and writes
 * dead letters; the demo partner publishes (with Java, and with Confluent's Python client from its
 * properties file) and the operator reads the dead letters.
 */
class AppUnderAclsIT {

    private static final String APPLICATION_ID = "ecosystem-aggregates";
    private static final ScramUser ADMIN = ScramUser.withRandomPassword("admin");
    private static final ScramUser APP = ScramUser.withRandomPassword("app");
    private static final ScramUser PARTNER = ScramUser.withRandomPassword("partner-demo");
    private static final ScramUser OPERATOR = ScramUser.withRandomPassword("operator");

    @TempDir
    static Path stateDir;

    private static EmbeddedKafka kafka;
    private static EcosystemApp app;

    @BeforeAll
    static void appUnderItsAcls() {
        // PLAIN too, for Debian's librdkafka 2.0.2, whose SCRAM Kafka 4 refuses (librdkafka#4895).
        kafka = EmbeddedKafka.startSecure(BrokerSecurity.of(ADMIN, List.of(APP, PARTNER, OPERATOR)).withPlainForOldLibrdkafka());
        kafka.provisionEventTopics(Topics.DLQ_BY_EVENT_TOPIC);
        EcosystemAcls.apply(kafka.adminClient(), new AclPrincipals(Optional.of(APP.principal()),
                List.of(PARTNER.principal()), Optional.of(OPERATOR.principal()), Optional.empty(), APPLICATION_ID,
                "ecosystem-operator", AclPrincipals.TopicNames.defaults()), Duration.ofSeconds(30));

        Map<String, String> settings = AppInstances.settings(kafka, APPLICATION_ID, new AppInstances.TestTopics(
                Topics.POP_CAPACITY, Topics.PARTNER_ONBOARDING, Topics.POP_CAPACITY_DLQ, Topics.PARTNER_ONBOARDING_DLQ),
                stateDir);
        settings.put("PROCESSING_GUARANTEE", "exactly_once_v2");
        settings.put("STATE_STORES", "in-memory");
        settings.put("NUM_STANDBY_REPLICAS", "0");
        settings.put("KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
        settings.put("KAFKA_SASL_MECHANISM", BrokerSecurity.SCRAM_MECHANISM);
        settings.put("KAFKA_SASL_USERNAME", APP.name());
        settings.put("KAFKA_SASL_PASSWORD", APP.password());
        settings.put("KAFKA_SSL_TRUSTSTORE_LOCATION", kafka.broker().tls().caCertificate().toString());
        settings.put("KAFKA_SSL_TRUSTSTORE_TYPE", "PEM");
        app = EcosystemApp.start(AppConfig.from(settings),
                new EcosystemApp.Options(Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(20)));
        await().atMost(Duration.ofSeconds(90)).until(() -> app.streams().state() == KafkaStreams.State.RUNNING);
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void eventsThePartnerPublishesReachTheAggregatesOverHttp() throws Exception {
        Instant at = Instant.now().minus(1, ChronoUnit.HOURS);
        var config = PublisherConfig.fromProperties(properties(PARTNER)).withSchemaRegistryUrl(kafka.schemaRegistryUrl());
        try (var publisher = EcosystemPublisher.create(config)) {
            publisher.publish(pop("secure-pop-1", "PE", "Lima", 120_000, at)).get(30, TimeUnit.SECONDS);
            publisher.publish(pop("secure-pop-2", "PE", "Lima", 80_000, at)).get(30, TimeUnit.SECONDS);
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var answer = AppInstances.get(app, "/api/v1/capacity/countries/PE");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body().get("capacityMbps").asLong()).isEqualTo(200_000);
            assertThat(answer.body().get("activePops").asLong()).isEqualTo(2);
        });
    }

    @Test
    void confluentsPythonClientPublishesWithThePartnersPropertiesFile() throws Exception {
        PythonInterop.requireConfluentClient();
        Path file = kafka.broker().writeClientProperties(PARTNER.name(), stateDir.resolve("partner-demo.properties"));
        Instant at = Instant.now().minus(1, ChronoUnit.HOURS);
        var records = List.of(pop("python-pop-1", "CL", "Santiago", 40_000, at), pop("python-pop-2", "CL", "Valparaiso", 2_000, at))
                .stream().map(event -> Map.of("schema", "pop", "topic", Topics.POP_CAPACITY, "key", event.getPopId().toString(),
                        "value", PythonInterop.plainJson(event))).toList();
        var plan = new LinkedHashMap<String, Object>();
        plan.put("bootstrap", kafka.bootstrapServers());
        plan.put("client_properties", file.toString());
        plan.put("registry", kafka.schemaRegistryUrl());
        plan.put("schemas", Map.of("pop", PopCapacityEvent.getClassSchema().toString(),
                "partner", PartnerOnboardingEvent.getClassSchema().toString()));
        plan.put("records", records);
        Path planFile = Files.writeString(stateDir.resolve("python-plan.json"), new ObjectMapper().writeValueAsString(plan));

        var run = PythonInterop.run(List.of(PythonInterop.PYTHON, PythonInterop.shippedScript("confluent_produce.py").toString(),
                planFile.toString()), Duration.ofSeconds(90));

        assertThat(run.exitCode()).as(run.output()).isZero();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var answer = AppInstances.get(app, "/api/v1/capacity/countries/CL");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body().get("capacityMbps").asLong()).isEqualTo(42_000);
            assertThat(answer.body().get("activePops").asLong()).isEqualTo(2);
        });
    }

    @Test
    void anUnreadableEventGoesToTheDeadLettersWhichTheOperatorReads() throws Exception {
        String key = "secure-garbage-" + UUID.randomUUID();
        var partner = new HashMap<String, Object>(kafka.clientProperties(PARTNER.name()));
        try (var producer = new KafkaProducer<>(partner, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.POP_CAPACITY, bytes(key), bytes("not avro"))).get(30, TimeUnit.SECONDS);
        }

        var operator = new HashMap<String, Object>(kafka.clientProperties(OPERATOR.name()));
        operator.put(ConsumerConfig.GROUP_ID_CONFIG, "ecosystem-operator-it");
        operator.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        operator.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        var found = new ArrayList<ConsumerRecord<byte[], byte[]>>();
        try (var consumer = new KafkaConsumer<>(operator, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.POP_CAPACITY_DLQ));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (record.key() != null && key.equals(new String(record.key(), StandardCharsets.UTF_8))) {
                        found.add(record);
                    }
                });
                return !found.isEmpty();
            });
        }
        assertThat(new String(found.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("not avro");
        assertThat(found.get(0).headers().lastHeader("dlq.reasons")).isNotNull();
    }

    @Test
    void thePartnerCannotReadTheAppsChangelogNorWriteItsRepartitionTopic() {
        String changelog = APPLICATION_ID + "-pop-state-store-changelog";
        String repartition = APPLICATION_ID + "-pop-capacity-by-pop-id-repartition";
        assertThat(kafka.adminClient().listTopics().names()).succeedsWithin(Duration.ofSeconds(30))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.collection(String.class))
                .as("the app created its internal topics under its prefixed ACL").contains(changelog, repartition);

        var partner = new HashMap<String, Object>(kafka.clientProperties(PARTNER.name()));
        try (var consumer = new KafkaConsumer<>(partner, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(new TopicPartition(changelog, 0)));
            consumer.seekToBeginning(List.of(new TopicPartition(changelog, 0)));
            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(15))).isInstanceOf(TopicAuthorizationException.class);
        }
        partner.put("max.block.ms", 10_000);
        partner.put("delivery.timeout.ms", 15_000);
        partner.put("request.timeout.ms", 10_000);
        try (var producer = new KafkaProducer<>(partner, new ByteArraySerializer(), new ByteArraySerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(repartition, bytes("secure-pop-1"), bytes("forged")))
                    .get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    private static java.util.Properties properties(ScramUser user) {
        var properties = new java.util.Properties();
        properties.putAll(kafka.clientProperties(user.name()));
        return properties;
    }

    private static PopCapacityEvent pop(String popId, String country, String city, long capacity, Instant at) {
        return PopCapacityEvent.newBuilder()
                .setEventId(UUID.randomUUID()).setPopId(popId).setAction(PopAction.COMMISSIONED)
                .setCity(city).setCountry(country).setBusinessLocation("CM " + country)
                .setCapacityMbps(capacity).setOccurredAt(at).setSource("security-it").build();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
