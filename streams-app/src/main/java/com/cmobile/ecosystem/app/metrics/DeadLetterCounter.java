package com.cmobile.ecosystem.app.metrics;

import com.cmobile.ecosystem.app.topology.DeadLetterListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts dead-lettered records as {@code ecosystem_dlq_records_total{topic,reason}}; wired into the
 * topology as its {@link DeadLetterListener}.
 */
public final class DeadLetterCounter implements DeadLetterListener {

    public static final String NAME = "ecosystem.dlq.records";

    private final MeterRegistry registry;

    public DeadLetterCounter(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void deadLettered(String deadLetterTopic, String reason) {
        // The registry caches meters by name and tags: this is a map lookup after the first call.
        Counter.builder(NAME)
                .description("Records sent to a dead-letter topic, by topic and reason")
                .tag("topic", deadLetterTopic)
                .tag("reason", reason)
                .register(registry)
                .increment();
    }
}
