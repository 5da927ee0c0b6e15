package io.micrometer.core.instrument.binder.kafka;

import io.micrometer.core.instrument.Tag;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Micrometer's Kafka binder over the metrics of a Kafka Streams client without the per-store,
 * per-cache and per-processor-node groups, which it never even reads.
 *
 * <p>{@link KafkaStreamsMetrics} reads every metric's value each time it looks for new ones, on its
 * own thread. In Kafka Streams 4.4.0 a transactional state store's uncommitted-bytes metric, read
 * after a rebalance closed the store, dereferences the store's freed RocksDB write batch: the JVM
 * died twice that way (SIGSEGV in {@code WriteBatch.getDataSize}, from the binder's thread).
 * Binding the same class to a filtered view of the metrics keeps its names and behaviour and
 * never touches a store. It lives in Micrometer's package because the binder's constructor that
 * takes a metrics supplier is package-private.
 */
public final class StreamsClientMetrics extends KafkaMetrics {

    /** Metric groups of state stores, record caches and processor nodes: one set per store or node. */
    public static final Set<String> SKIPPED_GROUPS = Set.of("stream-state-metrics", "stream-record-cache-metrics",
            "stream-processor-node-metrics");

    public StreamsClientMetrics(KafkaStreams streams) {
        this(streams::metrics);
    }

    StreamsClientMetrics(Supplier<Map<MetricName, ? extends Metric>> metrics) {
        super(() -> withoutSkippedGroups(metrics.get()), java.util.List.<Tag>of());
    }

    static Map<MetricName, ? extends Metric> withoutSkippedGroups(Map<MetricName, ? extends Metric> metrics) {
        return metrics.entrySet().stream()
                .filter(entry -> !SKIPPED_GROUPS.contains(entry.getKey().group()))
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
