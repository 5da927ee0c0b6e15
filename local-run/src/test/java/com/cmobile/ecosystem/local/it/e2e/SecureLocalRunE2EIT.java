package com.cmobile.ecosystem.local.it.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.cmobile.ecosystem.events.PopAction;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.producers.EcosystemPublisher;
import com.cmobile.ecosystem.producers.PublisherConfig;
import com.cmobile.ecosystem.testkit.ChildProcess;
import com.cmobile.ecosystem.testkit.PythonInterop;
import com.cmobile.ecosystem.testkit.RequiredPeer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code java -jar local-run/target/local-run.jar --secure} in a child JVM, used only through the
 * files it generates in {@code <data-dir>/secure/}, as a user would: the API answers the seed
 * figures to the token of {@code api-token} and 401 without it; {@code partner-demo.properties}
 * publishes an event with a Java producer (Kafka user and registry credentials) that the API then
 * reflects, and cannot read a changelog; Confluent's Python client publishes with the same file
 * (skipped where Debian's {@code python3-confluent-kafka} is missing, failed under CI), and so does
 * {@code kcat} with {@code partner-demo.librdkafka.properties}; a restart on the same data reuses every credential.
 *
 * <p>The tests share one data directory and run in order: first start, stop, restart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecureLocalRunE2EIT {

    /** Generous: CI machines are shared; the first secure start also generates the CA with keytool. */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(300);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final long ADDED_MBPS = 1_000_000L;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final int kafkaPort = LocalRunProcess.freePort();
    private final int registryPort = LocalRunProcess.freePort();
    private final int httpPort = LocalRunProcess.freePort();

    private Path dataDir;
    private Path secure;
    private ChildProcess run;
    private Map<String, String> credentialsAtFirstStart;
    private JsonNode capacityBeforeStop;

    @BeforeAll
    void startTheSecureLocalRun() throws Exception {
        dataDir = Files.createTempDirectory("local-run-secure-e2e-");
        secure = dataDir.resolve("secure");
        run = startOnTheDataDirectory();
        run.awaitLine("Ready in", READY_TIMEOUT);
        System.out.printf("secure local run: first start ready after %d ms (child JVM start included)%n",
                run.sinceStart().toMillis());
    }

    @AfterAll
    void stopAndDelete() throws IOException {
        if (run != null) {
            run.close();
        }
        try (Stream<Path> paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    @Order(1)
    void firstStartSaysWhereTheGeneratedFilesAre() throws Exception {
        String output = run.output();

        assertThat(output).contains("secured", "Applied", secure.toString(), "partner-demo.properties", "api-token",
                "--config " + secure.resolve("partner-demo.properties"));
        assertThat(secure.resolve("partner-demo.properties")).exists();
        assertThat(secure.resolve("api-token")).exists();
        assertThat(output).doesNotContain(token()).doesNotContain(load(secure.resolve("kafka-users.properties")).get("partner-demo"));
        credentialsAtFirstStart = credentials();
    }

    @Test
    @Order(2)
    void theApiAnswersTheSeedFiguresToTheGeneratedToken() throws Exception {
        JsonNode capacity = get("/api/v1/capacity", token());

        assertThat(capacity.path("capacityMbps").asLong()).isEqualTo(310_000_000L);
        assertThat(capacity.path("activePops").asLong()).isEqualTo(360);
        assertThat(capacity.path("cities").asLong()).isEqualTo(284);
        assertThat(capacity.path("businessLocations").asLong()).isEqualTo(40);
    }

    @Test
    @Order(3)
    void theApiRefusesARequestWithoutAToken() throws Exception {
        HttpResponse<String> response = send("/api/v1/capacity", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json.readTree(response.body()).path("error").asText()).isEqualTo("unauthorized");
        assertThat(response.body()).doesNotContain("capacityMbps");
    }

    @Test
    @Order(4)
    void theDemoPartnersPropertiesPublishAnEventTheApiReflects() throws Exception {
        var pop = pop("POP-SECURE-E2E", "Paris", "FR");

        try (var publisher = EcosystemPublisher.create(PublisherConfig.fromProperties(partnerProperties()))) {
            publisher.publish(pop).get();
        }

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode capacity = get("/api/v1/capacity", token());
            assertThat(capacity.path("activePops").asLong()).isEqualTo(361);
            assertThat(capacity.path("capacityMbps").asLong()).isEqualTo(310_000_000L + ADDED_MBPS);
        });
    }

    @Test
    @Order(5)
    void confluentsPythonClientPublishesWithTheDemoPartnersProperties() throws Exception {
        PythonInterop.requireConfluentClient();
        long popsBefore = get("/api/v1/capacity", token()).path("activePops").asLong();
        var pop = pop("POP-SECURE-PYTHON", "Lima", "PE");
        var plan = new LinkedHashMap<String, Object>();
        plan.put("bootstrap", partnerProperties().getProperty("bootstrap.servers"));
        // Kafka's settings become librdkafka's (PLAIN for librdkafka before 2.6.1), basic.auth.* the registry client's.
        plan.put("client_properties", secure.resolve("partner-demo.properties").toString());
        plan.put("registry", partnerProperties().getProperty("schema.registry.url"));
        plan.put("schemas", Map.of("pop", PopCapacityEvent.getClassSchema().toString()));
        plan.put("records", List.of(Map.of("schema", "pop", "topic", "pop-capacity", "key", pop.getPopId().toString(),
                "value", PythonInterop.plainJson(pop))));
        Path planFile = Files.writeString(dataDir.resolve("python-plan.json"), json.writeValueAsString(plan));

        var outcome = PythonInterop.run(List.of(PythonInterop.PYTHON, PythonInterop.shippedScript("confluent_produce.py")
                .toString(), planFile.toString()), Duration.ofSeconds(90));

        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(get("/api/v1/capacity", token()).path("activePops").asLong()).isEqualTo(popsBefore + 1));
    }

    @Test
    @Order(6)
    void kcatWithTheLibrdkafkaFileSeesOnlyTheEventTopicsAndCannotReadAChangelog() throws Exception {
        requireKcat();
        Path file = secure.resolve("partner-demo.librdkafka.properties");

        KcatRun metadata = kcat("-F", file.toString(), "-L");
        KcatRun changelog = kcat("-F", file.toString(), "-C", "-t", changelogTopic(), "-c", "1", "-e");

        assertThat(metadata.exitCode()).as(metadata.output()).isZero();
        List<String> topics = Pattern.compile("topic \"([^\"]+)\"").matcher(metadata.output()).results()
                .map(match -> match.group(1)).sorted().toList();
        assertThat(topics).containsExactly("partner-onboarding", "pop-capacity");
        assertThat(changelog.output()).contains("Topic authorization failed");
    }

    @Test
    @Order(7)
    void theDemoPartnersPropertiesCannotReadAChangelog() throws Exception {
        String changelog = changelogTopic();
        var config = new HashMap<String, Object>();
        partnerProperties().forEach((key, value) -> config.put((String) key, value));
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);

        try (var consumer = new KafkaConsumer<byte[], byte[]>(config)) {
            consumer.assign(List.of(new TopicPartition(changelog, 0)));
            consumer.seekToBeginning(consumer.assignment());

            assertThatThrownBy(() -> {
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (System.nanoTime() < deadline) {
                    consumer.poll(Duration.ofMillis(500));
                }
            }).isInstanceOf(TopicAuthorizationException.class).hasMessageContaining(changelog);
        }
    }

    @Test
    @Order(8)
    void sigtermStopsTheSecureRunCleanly() throws Exception {
        capacityBeforeStop = get("/api/v1/capacity", token());

        int exitCode = run.terminate(STOP_TIMEOUT);

        assertThat(exitCode).isIn(0, 143);
        assertThat(run.output()).contains("Stopped.").doesNotContain(" ERROR ");
    }

    @Test
    @Order(9)
    void restartOnTheSameDataReusesTheCredentialsAndServesTheSameFigures() throws Exception {
        run = startOnTheDataDirectory();
        run.awaitLine("Ready in", READY_TIMEOUT);
        System.out.printf("secure local run: restart ready after %d ms%n", run.sinceStart().toMillis());

        assertThat(run.output()).contains("resuming", "not publishing it again");
        assertThat(credentials()).isEqualTo(credentialsAtFirstStart);
        assertThat(get("/api/v1/capacity", token())).isEqualTo(capacityBeforeStop);
        // The partner's unchanged file still gets in: its SCRAM user is the one the storage was formatted with.
        try (Admin partner = Admin.create(partnerProperties())) {
            assertThat(partner.listTopics().names().get()).contains("pop-capacity", "partner-onboarding")
                    .noneMatch(name -> name.endsWith("-changelog"));
        }
        assertThat(run.terminate(STOP_TIMEOUT)).isIn(0, 143);
    }

    private static PopCapacityEvent pop(String popId, String city, String country) {
        return PopCapacityEvent.newBuilder().setEventId(UUID.randomUUID()).setPopId(popId)
                .setAction(PopAction.COMMISSIONED).setCity(city).setCountry(country)
                .setBusinessLocation("CMobile International \u2014 " + city).setCapacityMbps(ADDED_MBPS)
                .setOccurredAt(Instant.parse("2025-01-01T00:00:00Z")).setSource("secure-e2e").build();
    }

    private record KcatRun(int exitCode, String output) {
    }

    /** Debian's kcat (librdkafka 2.0.2): the command-line client the README shows partners. */
    private static void requireKcat() throws Exception {
        try {
            kcat("-V");
        } catch (IOException e) {
            RequiredPeer.missing("kcat", "apt-get install -y kcat");
        }
    }

    private static KcatRun kcat(String... arguments) throws Exception {
        var command = new ArrayList<String>();
        command.add("kcat");
        command.addAll(List.of(arguments));
        Path output = Files.createTempFile("kcat-", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            process.getOutputStream().close();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kcat did not finish within 60 s: " + Files.readString(output));
            }
            return new KcatRun(process.exitValue(), Files.readString(output));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private ChildProcess startOnTheDataDirectory() {
        return LocalRunProcess.start("--secure", "--data-dir", dataDir.toString(), "--kafka-port", Integer.toString(kafkaPort),
                "--registry-port", Integer.toString(registryPort), "--http-port", Integer.toString(httpPort),
                "--ready-timeout", Long.toString(READY_TIMEOUT.toSeconds()));
    }

    /** Every generated secret, by file, to compare across a restart. */
    private Map<String, String> credentials() throws IOException {
        var all = new HashMap<String, String>();
        for (String file : List.of("kafka-users.properties", "registry-credentials.properties", "api-token",
                "peer-secret", "ca.pem", "partner-demo.properties")) {
            all.put(file, Files.readString(secure.resolve(file), StandardCharsets.UTF_8));
        }
        return all;
    }

    private String token() throws IOException {
        return Files.readString(secure.resolve("api-token"), StandardCharsets.UTF_8).strip();
    }

    private Properties partnerProperties() throws IOException {
        var properties = new Properties();
        try (Reader in = Files.newBufferedReader(secure.resolve("partner-demo.properties"), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }

    /** A changelog of the app, as the administrator sees it (the partner may not even list it). */
    private String changelogTopic() throws Exception {
        Properties admin = partnerProperties();
        admin.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"admin\" "
                + "password=\"" + load(secure.resolve("kafka-users.properties")).get("admin") + "\";");
        try (Admin client = Admin.create(admin)) {
            return client.listTopics().names().get().stream().filter(name -> name.endsWith("-changelog")).sorted()
                    .findFirst().orElseThrow(() -> new AssertionError("the app has no changelog topic"));
        }
    }

    private static Map<String, String> load(Path file) throws IOException {
        var properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        var values = new HashMap<String, String>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return values;
    }

    private JsonNode get(String path, String bearer) throws Exception {
        HttpResponse<String> response = send(path, bearer);
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> send(String path, String bearer) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + path)).timeout(Duration.ofSeconds(10));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
