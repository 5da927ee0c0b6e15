package com.cmobile.ecosystem.local.it.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cmobile.ecosystem.local.compose.MonitoringFiles;
import com.cmobile.ecosystem.testkit.ChildProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The all-in-one run as the README starts it ({@code java -jar local-run/target/local-run.jar}),
 * in a child JVM, checked over HTTP: the seed figures, the metrics Grafana needs, a clean stop on
 * SIGTERM, a restart on the same data directory, and a clear message for a port in use.
 *
 * <p>The tests share one data directory and run in order: first start, stop, restart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalRunE2EIT {

    /** Generous: CI machines are shared; a quiet two-core machine needs well under a minute. */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(300);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final List<String> EVENT_TOPICS = List.of("pop-capacity", "partner-onboarding");

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final int kafkaPort = LocalRunProcess.freePort();
    private final int registryPort = LocalRunProcess.freePort();
    private final int httpPort = LocalRunProcess.freePort();

    private Path dataDir;
    private ChildProcess run;
    private JsonNode firstCapacity;
    private JsonNode firstAlliance;
    private long eventsBeforeStop;

    @BeforeAll
    void startTheLocalRun() throws Exception {
        dataDir = Files.createTempDirectory("local-run-e2e-");
        run = startOnTheDataDirectory();
        run.awaitLine("Ready in", READY_TIMEOUT);
        System.out.printf("local run: first start ready after %d ms (child JVM start included)%n", run.sinceStart().toMillis());
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
    void firstStartPrintsTheSeedSummaryAndTheUrlsToTry() throws Exception {
        String ready = run.awaitLine("Ready in", Duration.ZERO);

        assertThat(ready).contains("360 active PoPs in 284 cities, 40 business locations, 310,000,000 Mbps");
        assertThat(run.output()).contains("curl -s http://localhost:" + httpPort + "/api/v1/capacity");
    }

    @Test
    @Order(2)
    void capacityApiAnswersTheSeedFigures() throws Exception {
        firstCapacity = get("/api/v1/capacity");

        assertThat(firstCapacity.path("activePops").asLong()).isEqualTo(360);
        assertThat(firstCapacity.path("cities").asLong()).isEqualTo(284);
        assertThat(firstCapacity.path("businessLocations").asLong()).isEqualTo(40);
        assertThat(firstCapacity.path("capacityMbps").asLong()).isEqualTo(310_000_000L);
    }

    @Test
    @Order(3)
    void allianceApiAnswersTheSeedPrograms() throws Exception {
        JsonNode handInHand = get("/api/v1/alliance/programs/HAND_IN_HAND");
        JsonNode istar = get("/api/v1/alliance/programs/ISTAR");
        JsonNode gti = get("/api/v1/alliance/programs/GTI");
        firstAlliance = get("/api/v1/alliance");

        assertThat(handInHand.path("members").asLong()).isEqualTo(29);
        assertThat(handInHand.path("subscribers").asLong()).isGreaterThan(3_000_000_000L);
        assertThat(istar.path("partners").asLong()).isEqualTo(500);
        assertThat(gti.path("members").asLong()).isEqualTo(147);
        assertThat(gti.path("partners").asLong()).isEqualTo(242);
    }

    @Test
    @Order(4)
    void metricsPathPrometheusScrapesExportsEveryMetricTheDashboardReliesOn() throws Exception {
        // A record no deserializer accepts: it goes to the DLQ, so the DLQ counter exists to be scraped.
        publishGarbageTo("pop-capacity");
        String metricsPath = MonitoringFiles.prometheusMetricsPath();

        var names = new TreeSet<>(MonitoringFiles.declaredExportedMetrics());
        names.addAll(MonitoringFiles.dashboardMetrics());

        // Micrometer adds Kafka client metrics that appear later (per-partition lag) on its next refresh, once a minute.
        await().atMost(Duration.ofSeconds(100)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            String scrape = scrape(metricsPath);
            List<String> missing = names.stream()
                    .filter(name -> !Pattern.compile("(?m)^" + name + "[{ ]").matcher(scrape).find()).toList();
            assertThat(missing).as("metrics missing from a real scrape of %s", metricsPath).isEmpty();
        });
    }

    @Test
    @Order(5)
    void sigtermStopsEverythingCleanly() throws Exception {
        eventsBeforeStop = eventsInTopics();

        int exitCode = run.terminate(STOP_TIMEOUT);

        // 143 = 128 + SIGTERM: the JVM's exit status after its shutdown hooks ran.
        assertThat(exitCode).isIn(0, 143);
        assertThat(run.output()).contains("Stopping...", "Stopped.").doesNotContain(" ERROR ");
    }

    @Test
    @Order(6)
    void restartOnTheSameDataDirectoryServesTheSameFigures() throws Exception {
        run = startOnTheDataDirectory();
        run.awaitLine("Ready in", READY_TIMEOUT);
        System.out.printf("local run: restart ready after %d ms%n", run.sinceStart().toMillis());

        assertThat(get("/api/v1/capacity")).isEqualTo(firstCapacity);
        assertThat(get("/api/v1/alliance")).isEqualTo(firstAlliance);
    }

    @Test
    @Order(7)
    void restartDoesNotPublishTheSeedAgain() throws Exception {
        assertThat(run.output()).contains("not publishing it again");
        assertThat(eventsInTopics()).isEqualTo(eventsBeforeStop);
    }

    @Test
    @Order(8)
    void portInUseIsReportedWithTheFlagThatChangesIt() throws Exception {
        try (ChildProcess clash = LocalRunProcess.start("--data-dir", dataDir.resolve("other").toString(),
                "--kafka-port", Integer.toString(kafkaPort), "--registry-port", "0", "--http-port", "0")) {
            int exitCode = clash.awaitExit(Duration.ofSeconds(30));

            assertThat(exitCode).as(clash.output()).isEqualTo(1);
            assertThat(clash.output())
                    .contains("port " + kafkaPort + " is already in use; choose another with --kafka-port or LOCAL_KAFKA_PORT")
                    .doesNotContain("Exception");
        }
    }

    @Test
    @Order(9)
    void secondStopIsCleanToo() throws Exception {
        assertThat(run.terminate(STOP_TIMEOUT)).isIn(0, 143);
    }

    private ChildProcess startOnTheDataDirectory() {
        return LocalRunProcess.start("--data-dir", dataDir.toString(), "--kafka-port", Integer.toString(kafkaPort),
                "--registry-port", Integer.toString(registryPort), "--http-port", Integer.toString(httpPort),
                "--ready-timeout", Long.toString(READY_TIMEOUT.toSeconds()));
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(request(path), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private String scrape(String path) throws Exception {
        HttpResponse<String> response = http.send(request(path), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + path)).timeout(Duration.ofSeconds(10)).build();
    }

    private void publishGarbageTo(String topic) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + kafkaPort,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (var producer = new KafkaProducer<byte[], byte[]>(config)) {
            producer.send(new ProducerRecord<>(topic, "e2e-garbage".getBytes(), new byte[] {1, 2, 3})).get();
        }
    }

    private long eventsInTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + kafkaPort))) {
            var partitions = new HashMap<TopicPartition, OffsetSpec>();
            admin.describeTopics(EVENT_TOPICS).allTopicNames().get().forEach((name, description) ->
                    description.partitions().forEach(p -> partitions.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
            return admin.listOffsets(partitions).all().get().values().stream().mapToLong(info -> info.offset()).sum();
        }
    }
}
