package com.cmobile.ecosystem.app.metrics;

import java.util.List;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.StreamsClientMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The Prometheus registry of one instance: JVM and process metrics, Kafka Streams metrics (which
 * include those of its consumer, producer and admin clients), and the business gauges.
 * {@link #close()} unbinds what holds threads or references to the Streams client.
 */
public final class EcosystemMetrics implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private StreamsClientMetrics streamsMetrics;

    public EcosystemMetrics() {
        // Kafka Streams has about a hundred metrics per state store and task, and a few per
        // processor node: 14,600 series for one instance with 6 partitions, 80% of them per store.
        // StreamsClientMetrics leaves the per-store, per-cache and per-node groups out (reading a
        // store's metric can crash the JVM, see there); these filters keep them out of the export
        // whatever registers them. Thread, task, client and per-partition consumer metrics (lag) stay.
        // Before any meter exists: filters only apply to meters registered after them.
        for (String perStoreOrNode : List.of("kafka.stream.state.", "kafka.stream.record.cache.",
                "kafka.stream.processor.node.")) {
            registry.config().meterFilter(MeterFilter.denyNameStartsWith(perStoreOrNode));
        }
        registry.config().meterFilter(new PrometheusNaming());
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Exports the metrics of {@code streams} and its clients, refreshed as Kafka adds or removes them. */
    public void bindStreams(KafkaStreams streams) {
        streamsMetrics = new StreamsClientMetrics(streams);
        streamsMetrics.bindTo(registry);
    }

    public void bind(BusinessGauges gauges) {
        gauges.bindTo(registry);
    }

    @Override
    public void close() {
        if (streamsMetrics != null) {
            streamsMetrics.close();
        }
        gc.close();
        registry.close();
    }
}
