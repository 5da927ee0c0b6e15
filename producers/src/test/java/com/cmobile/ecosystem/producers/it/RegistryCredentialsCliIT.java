package com.cmobile.ecosystem.producers.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.cmobile.ecosystem.events.Topics;
import com.cmobile.ecosystem.producers.cli.ProducersCli;
import com.cmobile.ecosystem.registry.server.RegistryUsers;
import com.cmobile.ecosystem.registry.server.SchemaRegistryServer;
import com.cmobile.ecosystem.serde.EventSerdes;
import com.cmobile.ecosystem.testkit.EmbeddedKafka;
import com.cmobile.ecosystem.testkit.EmbeddedKafkaExtension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code producers.jar publish --client-config FILE} against a registry with basic auth: Confluent's
 * {@code basic.auth.*} properties reach the serializer, and a refusal ends the run with the
 * registry's answer instead of being retried or blamed on the lines.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class RegistryCredentialsCliIT {

    private static final String WRITER_PASSWORD = "writer-test-password";
    private static final String READER_PASSWORD = "reader-test-password";

    @TempDir
    static Path dir;

    private static SchemaRegistryServer registry;

    @BeforeAll
    static void registryWithUsers(EmbeddedKafka kafka) throws IOException {
        kafka.provisionEventTopics(Topics.DLQ_BY_EVENT_TOPIC);
        Path users = Files.write(dir.resolve("registry-users"), List.of(
                RegistryUsers.line("publisher", RegistryUsers.Role.WRITE, WRITER_PASSWORD.toCharArray()),
                RegistryUsers.line("viewer", RegistryUsers.Role.READ, READER_PASSWORD.toCharArray())));
        registry = SchemaRegistryServer.start(kafka.bootstrapServers(), 0, kafka.uniqueName("_schemas-cli-auth"),
                Optional.of(RegistryUsers.load(users)));
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    private record Run(int exitCode, String out, String err) {
    }

    private static Run publish(EmbeddedKafka kafka, String popId, String... clientConfig) throws IOException {
        Path config = Files.write(dir.resolve(popId + ".properties"), List.of(clientConfig));
        Path file = Files.writeString(dir.resolve(popId + ".jsonl"), ProducersCliIT.popLine(popId) + "\n");
        var out = new StringWriter();
        var err = new StringWriter();
        var commandLine = ProducersCli.commandLine(Map.of(), new ByteArrayInputStream(new byte[0]));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute("publish", "pops", file.toString(), "--client-config", config.toString(),
                "--bootstrap-servers", kafka.bootstrapServers(), "--schema-registry-url", registry.url());
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void theWriteUsersCredentialsPublish(EmbeddedKafka kafka) throws IOException {
        String popId = kafka.uniqueName("cli-auth-writer");

        Run run = publish(kafka, popId, "basic.auth.credentials.source=USER_INFO",
                "basic.auth.user.info=publisher:" + WRITER_PASSWORD);

        assertThat(run.exitCode()).as(run.err()).isZero();
        byte[] value = published(kafka, popId);
        // Written with an id of the secured registry: the read user's credentials read it back.
        try (var serde = EventSerdes.popCapacity(Map.of("schema.registry.url", registry.url(),
                "basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "viewer:" + READER_PASSWORD))) {
            assertThat(serde.deserializer().deserialize(Topics.POP_CAPACITY, value).getPopId()).isEqualTo(popId);
        }
    }

    /**
     * The value of the record keyed {@code popId}, as bytes: other tests in this JVM publish to the same
     * topic with ids of the shared registry, which this one does not know.
     */
    private static byte[] published(EmbeddedKafka kafka, String popId) {
        var props = kafka.consumerProperties(kafka.uniqueName("cli-auth-it"));
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.POP_CAPACITY));
            Instant end = Instant.now().plus(Duration.ofSeconds(30));
            while (Instant.now().isBefore(end)) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (popId.equals(record.key())) {
                        return record.value();
                    }
                }
            }
        }
        throw new AssertionError("no record keyed " + popId + " in " + Topics.POP_CAPACITY + " within 30 s");
    }

    @Test
    void aReadUserIsRefusedWith403AndTheRunFails(EmbeddedKafka kafka) throws IOException {
        Run run = publish(kafka, kafka.uniqueName("cli-auth-reader"), "basic.auth.credentials.source=USER_INFO",
                "schema.registry.basic.auth.user.info=viewer:" + READER_PASSWORD);

        assertThat(run.exitCode()).isEqualTo(ProducersCli.FATAL);
        assertThat(run.err()).contains("HTTP 403").contains("user 'viewer' lacks the rights")
                .doesNotContain(READER_PASSWORD).doesNotContain("line 1");
    }

    @Test
    void missingCredentialsAreRefusedWith401AndTheRunSaysWhatToSet(EmbeddedKafka kafka) throws IOException {
        Run run = publish(kafka, kafka.uniqueName("cli-auth-none"), "# no registry credentials");

        assertThat(run.exitCode()).isEqualTo(ProducersCli.FATAL);
        assertThat(run.err()).contains("HTTP 401").contains("basic.auth.user.info");
    }
}
