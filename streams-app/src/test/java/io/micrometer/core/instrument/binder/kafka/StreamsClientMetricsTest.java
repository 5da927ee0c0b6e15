package io.micrometer.core.instrument.binder.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;

class StreamsClientMetricsTest {

    @Test
    void storeCacheAndNodeMetricsAreNeverReadAndTheOthersAreBound() {
        AtomicInteger storeReads = new AtomicInteger();
        Map<MetricName, Metric> metrics = new LinkedHashMap<>();
        put(metrics, "process-total", "stream-thread-metrics", () -> 42.0);
        put(metrics, "commit-latency-avg", "stream-task-metrics", () -> 3.0);
        for (String group : StreamsClientMetrics.SKIPPED_GROUPS) {
            put(metrics, "uncommitted-bytes", group, () -> {
                storeReads.incrementAndGet();
                throw new IllegalStateException("a closed store's metric was read");
            });
        }
        var registry = new SimpleMeterRegistry();

        try (var binder = new StreamsClientMetrics(() -> metrics)) {
            binder.bindTo(registry);

            assertThat(registry.getMeters()).extracting(meter -> meter.getId().getName())
                    .contains("kafka.stream.thread.process.total", "kafka.stream.task.commit.latency.avg")
                    .noneMatch(name -> name.contains("uncommitted"));
            registry.getMeters().forEach(meter -> meter.measure().forEach(measurement -> measurement.getValue()));
        }
        assertThat(storeReads).hasValue(0);
    }

    private static void put(Map<MetricName, Metric> metrics, String name, String group, java.util.function.DoubleSupplier value) {
        MetricName metricName = new MetricName(name, group, "", Map.of("thread-id", "t-1"));
        metrics.put(metricName, new Metric() {
            @Override
            public MetricName metricName() {
                return metricName;
            }

            @Override
            public Object metricValue() {
                return value.getAsDouble();
            }
        });
    }
}
