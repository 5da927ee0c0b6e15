package com.cmobile.ecosystem.app.topology.internal;

import java.time.Duration;
import java.util.function.LongConsumer;

import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/** When the state processors send their {@link PreAggregator}: once per commit interval of wall-clock time. */
final class FlushSchedule {

    /** Kafka Streams' own default under exactly_once_v2, used when the configuration does not say. */
    private static final long DEFAULT_MS = 100;

    private FlushSchedule() {
    }

    static void every(ProcessorContext<?, ?> context, LongConsumer flush) {
        Object configured = context.appConfigs().get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);
        long millis = configured == null ? DEFAULT_MS : Long.parseLong(configured.toString());
        context.schedule(Duration.ofMillis(Math.max(10, millis)), PunctuationType.WALL_CLOCK_TIME,
                flush::accept);
    }
}
