package com.cmobile.ecosystem.app.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link SharedReads} against what a caller may expect of it, with real threads and random timing:
 * every answer comes from a read that began after its caller asked (a shared read is never older
 * than the question), every caller gets an answer, and nothing is left behind.
 */
class SharedReadsProperties {

    /** One call: which key, and how long its read takes if this caller ends up doing it. */
    record Call(int key, int readMicros, int pauseMicrosBefore) {
    }

    @Property(tries = 150)
    void everyAnswerWasReadAfterItsCallerAsked(@ForAll @IntRange(min = 2, max = 12) int callers,
                                               @ForAll("calls") List<Call> calls) throws Exception {
        var shared = new SharedReads<Integer, Long>();
        // One clock for questions and reads: a read's answer is the tick at which it began.
        var clock = new AtomicLong();
        var violations = new ArrayList<String>();
        var done = new CountDownLatch(callers);
        var start = new CountDownLatch(1);
        for (int c = 0; c < callers; c++) {
            int offset = c;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    for (int i = offset; i < calls.size(); i += callers) {
                        Call call = calls.get(i);
                        LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(call.pauseMicrosBefore()));
                        long asked = clock.incrementAndGet();
                        long answer = shared.get(call.key(), () -> {
                            long began = clock.incrementAndGet();
                            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(call.readMicros()));
                            return began;
                        });
                        if (answer <= asked) {
                            synchronized (violations) {
                                violations.add("asked at " + asked + ", answered by the read begun at " + answer);
                            }
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
            thread.setDaemon(true);
            thread.start();
        }
        start.countDown();
        assertThat(done.await(30, TimeUnit.SECONDS)).as("every caller got an answer").isTrue();
        assertThat(violations).isEmpty();
        assertThat(shared.keysInUse()).isZero();
    }

    @Provide
    Arbitrary<List<Call>> calls() {
        Arbitrary<Call> call = Combinators.combine(
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 400),
                Arbitraries.integers().between(0, 300)).as(Call::new);
        return call.list().ofMinSize(1).ofMaxSize(60);
    }
}
