package com.cmobile.ecosystem.app.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SharedReadsTest {

    private final SharedReads<String, Integer> shared = new SharedReads<>();
    private final AtomicInteger reads = new AtomicInteger();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void aLoneCallerReadsForItselfEachTime() {
        assertThat(shared.get("k", reads::incrementAndGet)).isEqualTo(1);
        assertThat(shared.get("k", reads::incrementAndGet)).isEqualTo(2);
        assertThat(shared.keysInUse()).isZero();
    }

    @Test
    void callersArrivingDuringAReadShareTheNextOneNotThatOne() throws Exception {
        var release = new CountDownLatch(1);
        Future<Integer> first = threads.submit(() -> shared.get("k", () -> {
            int n = reads.incrementAndGet();
            awaitQuietly(release);
            return n;
        }));
        await().atMost(Duration.ofSeconds(5)).until(() -> reads.get() == 1);

        List<Thread> waiting = new ArrayList<>();
        List<Future<Integer>> later = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            later.add(threads.submit(() -> {
                synchronized (waiting) {
                    waiting.add(Thread.currentThread());
                }
                return shared.get("k", reads::incrementAndGet);
            }));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            synchronized (waiting) {
                return waiting.size() == 5 && waiting.stream().allMatch(t -> t.getState() == Thread.State.WAITING);
            }
        });
        assertThat(reads.get()).as("nobody reads while the first read runs").isEqualTo(1);
        release.countDown();

        assertThat(first.get()).isEqualTo(1);
        for (Future<Integer> answer : later) {
            assertThat(answer.get()).as("the read after the one under way, shared by all five").isEqualTo(2);
        }
        assertThat(reads.get()).isEqualTo(2);
        assertThat(shared.keysInUse()).isZero();
    }

    @Test
    void differentKeysDoNotWaitForEachOther() throws Exception {
        var release = new CountDownLatch(1);
        Future<Integer> blocked = threads.submit(() -> shared.get("a", () -> {
            awaitQuietly(release);
            return 1;
        }));
        assertThat(threads.submit(() -> shared.get("b", () -> 7)).get()).isEqualTo(7);
        release.countDown();
        assertThat(blocked.get()).isEqualTo(1);
    }

    @Test
    void aFailedReadFailsItsCallersAndTheNextReadIsMadeAfresh() {
        assertThatThrownBy(() -> shared.get("k", () -> {
            throw new IllegalStateException("store closed");
        })).isInstanceOf(IllegalStateException.class).hasMessage("store closed");
        assertThat(shared.keysInUse()).isZero();
        assertThat(shared.get("k", () -> 3)).isEqualTo(3);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
