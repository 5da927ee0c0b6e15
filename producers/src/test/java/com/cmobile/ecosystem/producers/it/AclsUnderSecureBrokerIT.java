package com.cmobile.ecosystem.producers.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.events.Topics;
import com.cmobile.ecosystem.kafka.KafkaClientSecurity;
import com.cmobile.ecosystem.producers.cli.ProducersCli;
import com.cmobile.ecosystem.registry.server.SchemaRegistryServer;
import com.cmobile.ecosystem.testkit.EmbeddedKafka;
import com.cmobile.ecosystem.testkit.broker.BrokerSecurity;
import com.cmobile.ecosystem.testkit.broker.ScramUser;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code producers.jar acls apply} on testkit's secure broker (SASL_SSL, SCRAM, ACLs), then each
 * principal does what it may and is refused what it may not.
 */
class AclsUnderSecureBrokerIT {

    private static final String APPLICATION_ID = "ecosystem-aggregates";
    private static final String CHANGELOG = APPLICATION_ID + "-pop-state-store-changelog";
    private static final String REPARTITION = APPLICATION_ID + "-pop-capacity-by-pop-id-repartition";
    private static final ScramUser ADMIN = ScramUser.withRandomPassword("admin");
    private static final ScramUser PARTNER = ScramUser.withRandomPassword("partner-demo");
    private static final ScramUser OPERATOR = ScramUser.withRandomPassword("operator");
    private static final ScramUser REGISTRY = ScramUser.withRandomPassword("registry");

    @TempDir
    static Path secrets;

    private static EmbeddedKafka kafka;
    private static String applyOutput;

    @BeforeAll
    static void secureBrokerWithTheDeploymentsAcls() throws Exception {
        kafka = EmbeddedKafka.startSecure(BrokerSecurity.of(ADMIN, List.of(PARTNER, OPERATOR, REGISTRY)));
        kafka.provisionEventTopics(Topics.DLQ_BY_EVENT_TOPIC);
        kafka.adminClient().createTopics(List.of(new NewTopic(CHANGELOG, 1, (short) 1), new NewTopic(REPARTITION, 1, (short) 1)))
                .all().get(30, TimeUnit.SECONDS);
        Path admin = kafka.broker().writeClientProperties(ADMIN.name(), secrets.resolve("admin.properties"));

        Run apply = cli("acls", "apply", "--config", admin.toString(), "--app-principal", "User:app",
                "--partner-principal", PARTNER.principal(), "--operator-principal", OPERATOR.principal(),
                "--registry-principal", REGISTRY.principal(), "--application-id", APPLICATION_ID);

        assertThat(apply.exitCode()).as(apply.err()).isZero();
        applyOutput = apply.out();
    }

    @AfterAll
    static void stop() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void applyingTwiceChangesNothingAndSaysWhatIsInPlace() throws Exception {
        Path admin = kafka.broker().writeClientProperties(ADMIN.name(), secrets.resolve("admin-again.properties"));
        int before = kafka.adminClient().describeAcls(org.apache.kafka.common.acl.AclBindingFilter.ANY).values()
                .get(30, TimeUnit.SECONDS).size();

        Run again = cli("acls", "apply", "--config", admin.toString(), "--partner-principal", PARTNER.principal());

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(applyOutput).contains("ALLOW User:partner-demo WRITE TOPIC pop-capacity (literal)", "ACLs in place");
        assertThat(kafka.adminClient().describeAcls(org.apache.kafka.common.acl.AclBindingFilter.ANY).values()
                .get(30, TimeUnit.SECONDS)).hasSize(before);
    }

    @Test
    void theDemoPartnerPublishesEventsWithItsPropertiesFile() throws Exception {
        Path partner = kafka.broker().writeClientProperties(PARTNER.name(), secrets.resolve("partner-demo.properties"));
        String popId = kafka.uniqueName("secure-pop");
        Path events = Files.writeString(secrets.resolve("pops.jsonl"), ProducersCliIT.popLine(popId) + "\n");

        Run run = cli("publish", "pops", events.toString(), "--config", partner.toString(),
                "--schema-registry-url", kafka.schemaRegistryUrl());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("published 1");
        assertThat(TopicReader.read(kafka, Topics.POP_CAPACITY, PopCapacityEvent.class,
                r -> r.key().equals(popId), 1, Duration.ofSeconds(30))).hasSize(1);
    }

    @Test
    void thePartnerCannotReadAnything() {
        for (String topic : List.of(CHANGELOG, Topics.POP_CAPACITY, Topics.POP_CAPACITY_DLQ)) {
            try (var consumer = consumer(PARTNER, null)) {
                consumer.assign(List.of(new TopicPartition(topic, 0)));
                consumer.seekToBeginning(List.of(new TopicPartition(topic, 0)));
                assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(15)))
                        .as(topic).isInstanceOf(TopicAuthorizationException.class);
            }
        }
    }

    @Test
    void thePartnerCannotWriteARepartitionTopicOrTheDeadLetters() {
        try (var producer = producer(PARTNER)) {
            for (String topic : List.of(REPARTITION, Topics.POP_CAPACITY_DLQ)) {
                assertThatThrownBy(() -> producer.send(new ProducerRecord<>(topic, bytes("pop-x"), bytes("forged")))
                        .get(30, TimeUnit.SECONDS)).as(topic).hasCauseInstanceOf(TopicAuthorizationException.class);
            }
        }
    }

    @Test
    void thePartnerCannotCreateTopics() {
        try (var admin = Admin.create(kafka.clientProperties(PARTNER.name()))) {
            assertThatThrownBy(() -> admin.createTopics(List.of(new NewTopic("partner-made", 1, (short) 1)))
                    .all().get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void anUnauthenticatedPublicationIsRefusedByTheCli() throws Exception {
        Path events = Files.writeString(secrets.resolve("anonymous.jsonl"), ProducersCliIT.popLine("anonymous-pop") + "\n");

        Run run = cli("publish", "pops", events.toString(), "--bootstrap-servers", kafka.bootstrapServers(),
                "--schema-registry-url", kafka.schemaRegistryUrl(), "--connect-timeout", "5s");

        assertThat(run.exitCode()).isEqualTo(ProducersCli.FATAL);
        assertThat(run.err()).contains("cannot reach Kafka");
    }

    @Test
    void theOperatorReadsTheDeadLettersWithItsGroupPrefixButNotTheEvents() throws Exception {
        try (var producer = new KafkaProducer<>(kafka.producerProperties(), new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.POP_CAPACITY_DLQ, 0, bytes("pop-dead"), bytes("bad bytes")))
                    .get(30, TimeUnit.SECONDS);
        }
        try (var consumer = consumer(OPERATOR, "ecosystem-operator-triage")) {
            consumer.subscribe(List.of(Topics.POP_CAPACITY_DLQ));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            int read = 0;
            while (read == 0 && System.nanoTime() < deadline) {
                read += consumer.poll(Duration.ofMillis(500)).count();
            }
            assertThat(read).isPositive();
        }
        try (var consumer = consumer(OPERATOR, "ecosystem-operator-curious")) {
            consumer.subscribe(List.of(Topics.POP_CAPACITY));
            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(15))).isInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void theRegistryRunsUnderItsOwnPrincipal() throws Exception {
        var security = KafkaClientSecurity.of(kafka.broker().securityProperties(REGISTRY.name()));
        try (var registry = SchemaRegistryServer.start(kafka.bootstrapServers(), security, 0, Topics.SCHEMAS)) {
            var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(registry.url() + "/subjects/secure-check-value/versions"))
                    .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"schema\":\"\\\"string\\\"\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }
    }

    record Run(int exitCode, String out, String err) {
    }

    static Run cli(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var commandLine = ProducersCli.commandLine(Map.of(), new ByteArrayInputStream(new byte[0]));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static KafkaConsumer<byte[], byte[]> consumer(ScramUser user, String group) {
        var props = kafka.clientProperties(user.name());
        if (group != null) {
            props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static KafkaProducer<byte[], byte[]> producer(ScramUser user) {
        var props = kafka.clientProperties(user.name());
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
