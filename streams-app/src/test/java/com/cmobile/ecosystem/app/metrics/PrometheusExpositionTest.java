package com.cmobile.ecosystem.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.cmobile.ecosystem.app.query.FakeCluster;
import com.cmobile.ecosystem.app.topology.StoreNames;
import com.cmobile.ecosystem.app.topology.model.BusinessLocationCapacity;
import com.cmobile.ecosystem.app.topology.model.CityCapacity;
import com.cmobile.ecosystem.app.topology.model.ProgramCountryAlliance;
import com.cmobile.ecosystem.app.topology.model.StoreKeys;
import com.cmobile.ecosystem.events.Program;
import io.micrometer.core.instrument.Timer;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Prometheus scrapes: the business gauges, the DLQ counter, HTTP timings, JVM and Kafka Streams
 * metrics, in a text format {@code promtool check metrics} accepts. Runs promtool when it is
 * installed; on CI (CI=true) its absence is a failure, elsewhere the promtool check is skipped.
 */
class PrometheusExpositionTest {

    @TempDir
    Path stateDir;

    private final FakeCluster cluster = new FakeCluster(1, 2);
    private final EcosystemMetrics metrics = new EcosystemMetrics();
    private KafkaStreams streams;

    @BeforeEach
    void bind() {
        cluster.put(StoreNames.CITY_CAPACITY, StoreKeys.city("FR", "Paris"), new CityCapacity("FR", "Paris", 2000, 2));
        cluster.put(StoreNames.CITY_CAPACITY, StoreKeys.city("US", "New York"), new CityCapacity("US", "New York", 1000, 1));
        cluster.put(StoreNames.BUSINESS_LOCATION_CAPACITY, "CMI Europe", new BusinessLocationCapacity("CMI Europe", 2000, 2));
        cluster.put(StoreNames.BUSINESS_LOCATION_CAPACITY, "CMI America", new BusinessLocationCapacity("CMI America", 1000, 1));
        cluster.put(StoreNames.PROGRAM_COUNTRY_ALLIANCE, "GTI|FR", new ProgramCountryAlliance(Program.GTI, "FR", 3, 1, 600));
        cluster.put(StoreNames.PROGRAM_COUNTRY_ALLIANCE, "GTI|US", new ProgramCountryAlliance(Program.GTI, "US", 1, 0, 300));
        metrics.bind(new BusinessGauges(cluster.member(0), cluster.mapper, Clock.systemUTC(), Duration.ZERO));
        new DeadLetterCounter(metrics.registry()).deadLettered("pop-capacity-dlq", "future-timestamp");
        Timer.builder("http.server.requests").tag("method", "GET").tag("route", "/api/v1/capacity").tag("status", "200")
                .register(metrics.registry()).record(3, TimeUnit.MILLISECONDS);
        var builder = new StreamsBuilder();
        builder.stream("in").to("out");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "exposition-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        streams = new KafkaStreams(builder.build(), props);
        metrics.bindStreams(streams);
    }

    @AfterEach
    void close() {
        streams.close(Duration.ofSeconds(5));
        metrics.close();
    }

    @Test
    void businessGaugesCountersAndTimingsAreExportedUnderTheirPrometheusNames() {
        String text = metrics.registry().scrape();

        assertThat(text)
                .contains("ecosystem_capacity_mbps 3000.0")
                .contains("ecosystem_active_pops 3.0")
                .contains("ecosystem_cities 2.0")
                .contains("ecosystem_business_locations 2.0")
                .contains("ecosystem_program_members{program=\"GTI\"} 4.0")
                .contains("ecosystem_program_partners{program=\"GTI\"} 1.0")
                .contains("ecosystem_program_subscribers{program=\"GTI\"} 900.0")
                .contains("ecosystem_program_members{program=\"ISTAR\"} 0.0")
                .contains("ecosystem_region_capacity_mbps{region=\"EUROPE\"} 2000.0")
                .contains("ecosystem_region_capacity_mbps{region=\"ASIA\"} 0.0")
                .contains("ecosystem_dlq_records_total{reason=\"future-timestamp\",topic=\"pop-capacity-dlq\"} 1.0")
                .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/api/v1/capacity\",status=\"200\"} 1")
                .contains("jvm_memory_used_bytes")
                .contains("kafka_stream_");
    }

    @Test
    void perStoreAndPerNodeKafkaMetricsAreLeftOutThreadAndLagMetricsStay() {
        var registry = metrics.registry();
        registry.gauge("kafka.stream.state.put.rate", io.micrometer.core.instrument.Tags.of("task.id", "0_1"), 1.0);
        registry.gauge("kafka.stream.record.cache.hit.ratio.avg", 0.5);
        registry.gauge("kafka.stream.processor.node.record.e2e.latency.avg", 3.0);
        registry.gauge("kafka.stream.thread.process.rate", 7.0);
        registry.gauge("kafka.consumer.fetch.manager.records.lag", 11.0);

        assertThat(registry.scrape())
                .doesNotContain("kafka_stream_state_put_rate")
                .doesNotContain("kafka_stream_record_cache_")
                .doesNotContain("kafka_stream_processor_node_")
                .contains("kafka_stream_thread_process_rate")
                .contains("kafka_consumer_fetch_manager_records_lag");
    }

    @Test
    void exportPassesPromtoolCheckMetrics() throws Exception {
        String text = metrics.registry().scrape();
        assertThat(promtoolCheck(text)).isEmpty();
    }

    /**
     * Problems promtool reports (empty when none). Skips the test when promtool is missing outside CI.
     */
    static String promtoolCheck(String exposition) throws IOException, InterruptedException {
        String promtool = findPromtool();
        if (promtool == null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("promtool is required on CI (Debian package 'prometheus') to check the /metrics output");
            }
            assumeTrue(false, "promtool not installed: apt-get install prometheus to run this check");
        }
        Process process = new ProcessBuilder(promtool, "check", "metrics").redirectErrorStream(true).start();
        process.getOutputStream().write(exposition.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        if (process.exitValue() != 0) {
            return output.isBlank() ? "promtool exited with " + process.exitValue() : output;
        }
        return "";
    }

    private static String findPromtool() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "promtool");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
