package com.cmobile.ecosystem.app.metrics;

import com.cmobile.ecosystem.app.http.HealthRoutes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Health of the Kafka Streams client, and the policy for a stream thread that dies.
 *
 * <p>A failed thread is replaced (its tasks restart from the last commit, which exactly-once makes
 * safe) unless the failure is a JVM {@link Error} or threads keep failing ({@code maxReplacements}
 * within {@code window}): then the client shuts down, goes to ERROR, and liveness fails so the
 * orchestrator restarts the process instead of the app looping on a poison record.
 */
public final class StreamsHealth implements KafkaStreams.StateListener, StreamsUncaughtExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsHealth.class);

    private final Clock clock;
    private final int maxReplacements;
    private final Duration window;
    private final Deque<Instant> replacements = new ArrayDeque<>();
    private volatile KafkaStreams.State state = KafkaStreams.State.CREATED;
    private volatile String lastFailure = "";
    private volatile boolean gaveUp;
    private final java.util.concurrent.atomic.AtomicLong rebalances = new java.util.concurrent.atomic.AtomicLong();

    public StreamsHealth(Clock clock, int maxReplacements, Duration window) {
        this.clock = clock;
        this.maxReplacements = maxReplacements;
        this.window = window;
    }

    @Override
    public void onChange(KafkaStreams.State newState, KafkaStreams.State oldState) {
        LOG.info("Kafka Streams state {} -> {}", oldState, newState);
        if (oldState == KafkaStreams.State.RUNNING && newState == KafkaStreams.State.REBALANCING) {
            rebalances.incrementAndGet();
        }
        state = newState;
    }

    /**
     * Rebalances since start that interrupted a running instance (RUNNING to REBALANCING; the first
     * assignment is not one). Without a crash, a scale-out or a deployment there should be none: a
     * session timeout that GC pauses or slow commits trip shows here first.
     */
    public long rebalances() {
        return rebalances.get();
    }

    public void bindTo(io.micrometer.core.instrument.MeterRegistry registry) {
        io.micrometer.core.instrument.FunctionCounter.builder("ecosystem.streams.rebalances", this,
                        StreamsHealth::rebalances)
                .description("Rebalances that interrupted this running instance since it started")
                .register(registry);
    }

    @Override
    public synchronized StreamThreadExceptionResponse handle(Throwable exception) {
        lastFailure = String.valueOf(exception);
        Instant now = clock.instant();
        replacements.addLast(now);
        while (!replacements.isEmpty() && replacements.peekFirst().isBefore(now.minus(window))) {
            replacements.removeFirst();
        }
        if (exception instanceof Error || replacements.size() > maxReplacements) {
            gaveUp = true;
            LOG.error("Stream thread failed; not replacing it ({} failures within {}): shutting the client down",
                    replacements.size(), window, exception);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        LOG.error("Stream thread failed; replacing it", exception);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    /** Live unless the client is in ERROR or a failed thread was not replaced. */
    public HealthRoutes.Check liveness() {
        return liveness(List::of);
    }

    /**
     * As {@link #liveness()}, and also down while {@code stuck} names a problem (deadlocked threads,
     * a stalled stream thread: see {@link LivenessWatch}).
     */
    public HealthRoutes.Check liveness(Supplier<List<String>> stuck) {
        List<String> problems = new ArrayList<>();
        if (state == KafkaStreams.State.ERROR || gaveUp) {
            problems.add("stream thread failed: " + lastFailure);
        }
        problems.addAll(stuck.get());
        return new HealthRoutes.Check(problems.isEmpty(), state.name(), problems);
    }

    /** Ready when RUNNING and every queryable store answers (see {@code unreadableStores}). */
    public HealthRoutes.Check readiness(Supplier<List<String>> unreadableStores) {
        if (state != KafkaStreams.State.RUNNING) {
            return new HealthRoutes.Check(false, state.name(), List.of("Kafka Streams is " + state + ", not RUNNING"));
        }
        List<String> problems = unreadableStores.get();
        return new HealthRoutes.Check(problems.isEmpty(), state.name(), problems);
    }

    public KafkaStreams.State state() {
        return state;
    }
}
