package com.cmobile.ecosystem.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class StreamsHealthTest {

    private final StreamsHealth health = new StreamsHealth(Clock.systemUTC(), 2, Duration.ofMinutes(10));

    @Test
    void failedThreadIsReplacedAndTheInstanceStaysLive() {
        health.onChange(KafkaStreams.State.RUNNING, KafkaStreams.State.REBALANCING);

        assertThat(health.handle(new IllegalStateException("boom"))).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(health.liveness().up()).isTrue();
    }

    @Test
    void threadsFailingOverAndOverShutTheClientDownAndFailLiveness() {
        health.handle(new IllegalStateException("1"));
        health.handle(new IllegalStateException("2"));

        assertThat(health.handle(new IllegalStateException("3"))).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        assertThat(health.liveness().up()).isFalse();
        assertThat(health.liveness().problems()).anySatisfy(p -> assertThat(p).contains("3"));
    }

    @Test
    void jvmErrorIsNotRetried() {
        assertThat(health.handle(new OutOfMemoryError("heap"))).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    }

    @Test
    void errorStateFailsLiveness() {
        health.onChange(KafkaStreams.State.ERROR, KafkaStreams.State.RUNNING);

        assertThat(health.liveness().up()).isFalse();
    }

    @Test
    void readyOnlyWhenRunningAndEveryStoreAnswers() {
        assertThat(health.readiness(List::of).up()).isFalse();

        health.onChange(KafkaStreams.State.RUNNING, KafkaStreams.State.REBALANCING);

        assertThat(health.readiness(List::of).up()).isTrue();
        assertThat(health.readiness(() -> List.of("pop-state-store partition 0: restoring")).up()).isFalse();
    }
}
