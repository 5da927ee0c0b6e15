package com.cmobile.ecosystem.app.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Finds what keeps this process from making progress although it still answers HTTP: threads of
 * the JVM deadlocked on monitors or locks, and stream threads that are stuck.
 *
 * <p>A stream thread counts as stuck when its progress counter (see {@link Progress}) has not moved
 * for longer than {@code stallBound} while its tasks have input waiting (see {@link InputWaiting}).
 * A healthy stream thread polls its consumer on every turn of its loop, with or without records, so
 * the counter moves several times a second even when idle; the input check only confirms that the
 * thread has something to do, and is asked only about a thread whose counter has already stopped.
 *
 * <p>Gauge {@code ecosystem_liveness_problems{kind}} counts what a check finds: {@code kind="deadlock"}
 * the deadlocked threads, {@code kind="stalled_stream_thread"} the stuck stream threads.
 */
public final class LivenessWatch {

    /** Per live stream thread (by name), a counter that moves whenever the thread goes round its loop. */
    @FunctionalInterface
    public interface Progress {
        Map<String, Double> byThread();
    }

    /** Whether the tasks of the stream thread of this name have input records not processed yet. */
    @FunctionalInterface
    public interface InputWaiting extends Predicate<String> {
    }

    /** The threads of this JVM deadlocked now, one line each; empty when none. */
    @FunctionalInterface
    public interface Deadlocks {
        List<String> find();
    }

    private record Seen(double counter, Instant since) {
    }

    private final Clock clock;
    private final Duration stallBound;
    private final Deadlocks deadlocks;
    private final Progress progress;
    private final InputWaiting inputWaiting;
    private final Map<String, Seen> seen = new HashMap<>();

    public LivenessWatch(Clock clock, Duration stallBound, Deadlocks deadlocks, Progress progress,
                         InputWaiting inputWaiting) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.stallBound = Objects.requireNonNull(stallBound, "stallBound");
        this.deadlocks = Objects.requireNonNull(deadlocks, "deadlocks");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.inputWaiting = Objects.requireNonNull(inputWaiting, "inputWaiting");
    }

    /** Every problem found now: deadlocked threads, then stuck stream threads; empty when live. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>(deadlocked());
        problems.addAll(stalled());
        return problems;
    }

    public List<String> deadlocked() {
        return deadlocks.find().stream().map(thread -> "deadlocked: " + thread).toList();
    }

    /** Stream threads stuck for longer than the bound, each with how long; also records what moved since the last call. */
    public synchronized List<String> stalled() {
        Instant now = clock.instant();
        Map<String, Double> current = progress.byThread();
        seen.keySet().retainAll(current.keySet());
        List<String> stalled = new ArrayList<>();
        current.forEach((thread, counter) -> {
            Seen before = seen.get(thread);
            if (before == null || before.counter() != counter) {
                seen.put(thread, new Seen(counter, now));
                return;
            }
            Duration still = Duration.between(before.since(), now);
            if (still.compareTo(stallBound) > 0 && inputWaiting.test(thread)) {
                stalled.add("stream thread " + thread + " made no progress for " + still.toMillis()
                        + " ms (bound " + stallBound.toMillis() + " ms) while its input has records waiting");
            }
        });
        stalled.sort(null);
        return stalled;
    }

    public void bindTo(MeterRegistry registry) {
        Gauge.builder("ecosystem.liveness.problems", this, watch -> watch.deadlocked().size())
                .description("Problems the liveness probe finds now, by kind; any makes /health/live answer 503")
                .tag("kind", "deadlock")
                .register(registry);
        Gauge.builder("ecosystem.liveness.problems", this, watch -> watch.stalled().size())
                .description("Problems the liveness probe finds now, by kind; any makes /health/live answer 503")
                .tag("kind", "stalled_stream_thread")
                .register(registry);
    }
}
