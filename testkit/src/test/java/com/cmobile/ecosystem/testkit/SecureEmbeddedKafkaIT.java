package com.cmobile.ecosystem.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.cmobile.ecosystem.testkit.broker.BrokerSecurity;
import com.cmobile.ecosystem.testkit.broker.ScramUser;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker's secure mode: who gets in, and that ACLs, not the listener, decide the rest. */
class SecureEmbeddedKafkaIT {

    private static final ScramUser ADMIN = ScramUser.withRandomPassword("admin");
    private static final ScramUser WRITER = ScramUser.withRandomPassword("writer");
    private static final ScramUser NOBODY = ScramUser.withRandomPassword("nobody");
    private static final String TOPIC = "secured-events";
    private static final String CERTIFICATE_WRITER = "User:CN=cert-writer";

    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startSecureBroker() throws Exception {
        kafka = EmbeddedKafka.startSecure(BrokerSecurity.of(ADMIN, List.of(WRITER, NOBODY)).withPlainForOldLibrdkafka()
                .withSaslPlaintextListener());
        kafka.createTopic(TOPIC, 3);
        kafka.adminClient().createAcls(List.of(
                allow(WRITER.principal(), AclOperation.WRITE, TOPIC), allow(WRITER.principal(), AclOperation.DESCRIBE, TOPIC),
                allow(CERTIFICATE_WRITER, AclOperation.WRITE, TOPIC)))
                .all().get(30, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void aUserWithWriteOnTheTopicPublishesOverSaslSsl() throws Exception {
        try (var producer = producer(kafka.clientProperties(WRITER.name()))) {
            var metadata = producer.send(new ProducerRecord<>(TOPIC, "pop-1", "value")).get(30, TimeUnit.SECONDS);
            assertThat(metadata.offset()).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void aClientCertificateSignedByTheCaAuthenticatesOverSslAndItsAclsApply() throws Exception {
        var properties = new HashMap<String, Object>(kafka.broker().certificateClientProperties("cert-writer"));
        assertThat(properties).containsEntry("security.protocol", "SSL");
        try (var producer = producer(properties)) {
            var metadata = producer.send(new ProducerRecord<>(TOPIC, "pop-cert", "value")).get(30, TimeUnit.SECONDS);
            assertThat(metadata.offset()).isGreaterThanOrEqualTo(0);
        }
        var other = new HashMap<String, Object>(kafka.broker().certificateClientProperties("cert-stranger"));
        try (var producer = producer(other)) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(TOPIC, "pop-cert", "forged")).get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void anSslClientWithoutACertificateIsRefused() {
        var properties = new HashMap<String, Object>(kafka.broker().certificateClientProperties("cert-writer"));
        properties.keySet().removeIf(key -> key.startsWith("ssl.keystore") || key.equals("ssl.key.password"));
        long before = committedCount();
        try (var producer = producer(properties)) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(TOPIC, "pop-cert", "forged")).get(30, TimeUnit.SECONDS))
                    .isInstanceOfAny(TimeoutException.class, ExecutionException.class);
        }
        assertThat(committedCount()).isEqualTo(before);
    }

    @Test
    void saslPlaintextWithScramIsServedOnItsOwnListenerAndChecksThePassword() throws Exception {
        var properties = new HashMap<String, Object>(kafka.broker().saslPlaintextClientProperties(WRITER.name()));
        try (var producer = producer(properties)) {
            assertThat(producer.send(new ProducerRecord<>(TOPIC, "pop-sasl-plaintext", "value")).get(30, TimeUnit.SECONDS)
                    .offset()).isGreaterThanOrEqualTo(0);
        }
        properties.put("sasl.jaas.config", new ScramUser(WRITER.name(), "not-the-password").jaasConfig());
        try (var producer = producer(properties)) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(TOPIC, "pop-1", "forged")).get(30, TimeUnit.SECONDS))
                    .hasRootCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void aPlaintextClientIsNotServed() {
        var plaintext = new HashMap<String, Object>();
        plaintext.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        long before = committedCount();
        try (var producer = producer(plaintext)) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(TOPIC, "pop-1", "forged")).get(30, TimeUnit.SECONDS))
                    .isInstanceOfAny(TimeoutException.class, ExecutionException.class);
        }
        assertThat(committedCount()).as("nothing forged reached the topic").isEqualTo(before);
    }

    @Test
    void aWrongPasswordIsRefused() {
        var wrong = kafka.clientProperties(WRITER.name());
        wrong.put("sasl.jaas.config", new ScramUser(WRITER.name(), "not-the-password").jaasConfig());
        try (var producer = producer(wrong)) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(TOPIC, "pop-1", "forged")).get(30, TimeUnit.SECONDS))
                    .hasRootCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void anAuthenticatedUserWithoutAclsMayNotWrite() {
        try (var producer = producer(kafka.clientProperties(NOBODY.name()))) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(TOPIC, "pop-1", "forged")).get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void aWriterMayNotRead() {
        var props = kafka.clientProperties(WRITER.name());
        props.put("group.id", "writer-reading");
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(20))).isInstanceOf(
                    org.apache.kafka.common.errors.AuthorizationException.class);
        }
    }

    @Test
    void theWrittenPropertiesFileIsOwnerOnlyAndCarriesTheStandardSettings(@TempDir Path directory) throws Exception {
        Path file = kafka.broker().writeClientProperties(WRITER.name(), directory.resolve("writer.properties"));

        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        var loaded = new java.util.Properties();
        try (var in = Files.newBufferedReader(file)) {
            loaded.load(in);
        }
        assertThat(loaded).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.type", "PEM")
                .containsEntry("bootstrap.servers", kafka.bootstrapServers());
        assertThat(Path.of(loaded.getProperty("ssl.truststore.location"))).exists();
    }

    @Test
    void confluentsPythonClientPublishesWithTheWrittenPropertiesFile(@TempDir Path directory) throws Exception {
        PythonInterop.requireConfluentClient();
        Path file = kafka.broker().writeClientProperties(WRITER.name(), directory.resolve("writer.properties"));
        String script = String.join("\n",
                "import sys",
                "import confluent_kafka",
                "from confluent_kafka import Producer",
                "from interop import librdkafka_config",
                "assert librdkafka_config(sys.argv[1], False)['sasl.mechanism'] == 'SCRAM-SHA-512'",
                // librdkafka#4895: before 2.6.1 its SCRAM is refused by Kafka 4; the helper falls back to PLAIN.
                "config = librdkafka_config(sys.argv[1])",
                "assert config['security.protocol'] == 'SASL_SSL'",
                "print('librdkafka %s over %s' % (confluent_kafka.libversion()[0], config['sasl.mechanism']))",
                "failures = []",
                "def delivered(error, message):",
                "    if error is not None: failures.append(str(error))",
                "producer = Producer(config)",
                "producer.produce('" + TOPIC + "', key=b'python-pop', value=b'from-python', on_delivery=delivered)",
                "left = producer.flush(30)",
                "print('FAIL %s %s' % (left, failures) if left or failures else 'done')",
                "sys.exit(1 if left or failures else 0)");
        long before = committedCount();

        PeerRun run = PythonInterop.run(List.of(PythonInterop.PYTHON, "-c", script, file.toString()), Duration.ofSeconds(60));

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("done");
        assertThat(committedCount()).isEqualTo(before + 1);
    }

    /** Records in the topic, read as the super user. */
    private static long committedCount() {
        try (var consumer = new KafkaConsumer<>(kafka.consumerProperties(kafka.uniqueName("count")),
                new StringDeserializer(), new StringDeserializer())) {
            var partitions = new ArrayList<org.apache.kafka.common.TopicPartition>();
            for (int p = 0; p < 3; p++) {
                partitions.add(new org.apache.kafka.common.TopicPartition(TOPIC, p));
            }
            return consumer.endOffsets(partitions, Duration.ofSeconds(30)).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> properties) {
        var props = new HashMap<>(properties);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private static AclBinding allow(String principal, AclOperation operation, String topic) {
        return new AclBinding(new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL),
                new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
    }
}
