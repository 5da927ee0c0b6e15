package com.cmobile.ecosystem.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

class LivenessWatchTest {

    private static final Duration BOUND = Duration.ofSeconds(60);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final Map<String, Double> counters = new HashMap<>();
    private final AtomicInteger lagAsked = new AtomicInteger();
    private boolean inputWaiting = true;
    private List<String> deadlocked = List.of();

    private final LivenessWatch watch = new LivenessWatch(clock, BOUND, () -> deadlocked, () -> Map.copyOf(counters),
            thread -> {
                lagAsked.incrementAndGet();
                return inputWaiting;
            });

    @Test
    void twoThreadsHoldingWhatTheOtherWantsAreFoundDeadlocked() throws Exception {
        ReentrantLock first = new ReentrantLock();
        ReentrantLock second = new ReentrantLock();
        CountDownLatch bothHoldOne = new CountDownLatch(2);
        Thread a = lockBoth("deadlock-test-a", first, second, bothHoldOne);
        Thread b = lockBoth("deadlock-test-b", second, first, bothHoldOne);
        try {
            while (!first.hasQueuedThread(b) || !second.hasQueuedThread(a)) {
                Thread.onSpinWait();
            }

            List<String> found = LivenessSignals.jvmDeadlocks().find();

            assertThat(found).anySatisfy(line -> assertThat(line).startsWith("deadlock-test-a waits for")
                    .endsWith("held by deadlock-test-b"));
            assertThat(found).anySatisfy(line -> assertThat(line).startsWith("deadlock-test-b waits for")
                    .endsWith("held by deadlock-test-a"));
        } finally {
            a.interrupt();
            b.interrupt();
            a.join();
            b.join();
        }
        assertThat(LivenessSignals.jvmDeadlocks().find()).noneMatch(line -> line.contains("deadlock-test-"));
    }

    /** A daemon thread taking {@code mine}, then (once the other holds its own) {@code theirs}; interrupt ends it. */
    private static Thread lockBoth(String name, ReentrantLock mine, ReentrantLock theirs, CountDownLatch bothHoldOne) {
        Thread thread = new Thread(() -> {
            mine.lock();
            try {
                bothHoldOne.countDown();
                bothHoldOne.await();
                theirs.lockInterruptibly();
                theirs.unlock();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                mine.unlock();
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Test
    void deadlockedThreadsAreLivenessProblems() {
        deadlocked = List.of("t1 waits for lock held by t2");

        assertThat(watch.problems()).containsExactly("deadlocked: t1 waits for lock held by t2");
    }

    @Test
    void threadWhoseCounterStoppedBeyondTheBoundWithInputWaitingIsStalled() {
        counters.put("StreamThread-1", 10.0);
        assertThat(watch.stalled()).isEmpty();

        clock.advance(BOUND.plusMillis(1));

        assertThat(watch.stalled()).containsExactly("stream thread StreamThread-1 made no progress for 60001 ms"
                + " (bound 60000 ms) while its input has records waiting");
    }

    @Test
    void threadStillForExactlyTheBoundIsNotYetStalled() {
        counters.put("StreamThread-1", 10.0);
        watch.stalled();

        clock.advance(BOUND);

        assertThat(watch.stalled()).isEmpty();
    }

    @Test
    void idleThreadWithNothingToReadIsNotStalled() {
        inputWaiting = false;
        counters.put("StreamThread-1", 10.0);
        watch.stalled();

        clock.advance(BOUND.multipliedBy(5));

        assertThat(watch.stalled()).isEmpty();
    }

    @Test
    void movingCounterIsProgressAndTheBrokerIsNotAsked() {
        counters.put("StreamThread-1", 10.0);
        watch.stalled();
        for (int i = 0; i < 5; i++) {
            clock.advance(BOUND);
            counters.put("StreamThread-1", 11.0 + i);
            assertThat(watch.stalled()).isEmpty();
        }

        assertThat(lagAsked).hasValue(0);
    }

    @Test
    void onlyTheStuckThreadIsNamedAndItRecoversWhenItMovesAgain() {
        counters.put("StreamThread-1", 10.0);
        counters.put("StreamThread-2", 20.0);
        watch.stalled();
        clock.advance(BOUND.plusSeconds(1));
        counters.put("StreamThread-2", 21.0);

        assertThat(watch.stalled()).singleElement().asString().contains("StreamThread-1");

        counters.put("StreamThread-1", 11.0);
        assertThat(watch.stalled()).isEmpty();
    }

    @Test
    void threadThatWentAndCameBackStartsAFreshWatch() {
        counters.put("StreamThread-1", 10.0);
        watch.stalled();
        counters.clear();
        watch.stalled();
        clock.advance(BOUND.plusSeconds(1));
        counters.put("StreamThread-1", 10.0);

        assertThat(watch.stalled()).isEmpty();
    }

    @Test
    void gaugeCountsProblemsByKind() {
        var registry = new SimpleMeterRegistry();
        watch.bindTo(registry);
        counters.put("StreamThread-1", 10.0);
        watch.stalled();
        clock.advance(BOUND.plusSeconds(1));
        deadlocked = List.of("a waits for x held by b", "b waits for y held by a");

        assertThat(registry.get("ecosystem.liveness.problems").tag("kind", "deadlock").gauge().value()).isEqualTo(2.0);
        assertThat(registry.get("ecosystem.liveness.problems").tag("kind", "stalled_stream_thread").gauge().value())
                .isEqualTo(1.0);

        counters.put("StreamThread-1", 11.0);
        deadlocked = List.of();
        assertThat(registry.get("ecosystem.liveness.problems").tag("kind", "deadlock").gauge().value()).isZero();
        assertThat(registry.get("ecosystem.liveness.problems").tag("kind", "stalled_stream_thread").gauge().value())
                .isZero();
    }

    @Test
    void livenessIsDownWithTheWatchersProblemsInItsBody() {
        var health = new StreamsHealth(clock, 2, Duration.ofMinutes(10));
        deadlocked = List.of("t1 waits for lock held by t2");

        var check = health.liveness(watch::problems);

        assertThat(check.up()).isFalse();
        assertThat(check.problems()).containsExactly("deadlocked: t1 waits for lock held by t2");
        assertThat(health.liveness(List::of).up()).isTrue();
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
