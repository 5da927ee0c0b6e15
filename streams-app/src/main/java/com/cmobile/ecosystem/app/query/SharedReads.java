package com.cmobile.ecosystem.app.query;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * One read for many concurrent callers that ask the same question, and never an answer read before
 * its caller asked.
 *
 * <p>A caller that finds no read of its key under way does the read itself. A caller that arrives
 * while one is under way does not join it (it began before the caller asked, so it could miss what
 * the caller expects to see): it waits for the next read of that key, which begins as soon as the
 * current one ends and answers every caller that arrived in between. Under load one read serves
 * many callers, which is what makes a whole-store roll-up at hundreds of requests per second
 * affordable; alone, a caller does its own read with no wait at all.
 *
 * <p>The next read runs on the thread of one of its own callers. A key with no caller left takes
 * no memory.
 *
 * @param <K> what identifies a question (equal keys share reads)
 * @param <V> the answer
 */
final class SharedReads<K, V> {

    /** One read and the callers it answers; {@code claimed} once a thread has begun it. */
    private static final class Read<V> {
        final CompletableFuture<V> result = new CompletableFuture<>();
        final CompletableFuture<Void> startable = new CompletableFuture<>();
        final AtomicBoolean claimed = new AtomicBoolean();
    }

    /** The read under way for a key and, when callers arrived during it, the one after it. */
    private record Slot<V>(Read<V> current, Read<V> next) {
    }

    private final Map<K, Slot<V>> slots = new ConcurrentHashMap<>();

    /**
     * The answer of a read of {@code key} that began after this call did: {@code read} run here,
     * or by another caller of the same key. A read that throws fails every caller it answers.
     */
    V get(K key, Supplier<V> read) {
        @SuppressWarnings("unchecked")
        Read<V>[] joined = new Read[1];
        boolean[] first = new boolean[1];
        slots.compute(key, (k, slot) -> {
            if (slot == null) {
                first[0] = true;
                joined[0] = new Read<>();
                return new Slot<>(joined[0], null);
            }
            joined[0] = slot.next() == null ? new Read<>() : slot.next();
            return new Slot<>(slot.current(), joined[0]);
        });
        Read<V> mine = joined[0];
        if (first[0]) {
            run(key, mine, read);
        } else {
            // The read under way began before this call: wait until it ends, then one of the
            // callers that waited with this one begins the next read.
            try {
                CompletableFuture.anyOf(mine.result, mine.startable).join();
            } catch (CompletionException failedRead) {
                // Thrown again below, as the read threw it.
            }
            if (!mine.result.isDone() && mine.claimed.compareAndSet(false, true)) {
                run(key, mine, read);
            }
        }
        return await(mine.result);
    }

    private void run(K key, Read<V> current, Supplier<V> read) {
        try {
            current.result.complete(read.get());
        } catch (RuntimeException | Error e) {
            current.result.completeExceptionally(e);
        } finally {
            Slot<V> after = slots.compute(key, (k, slot) ->
                    slot.next() == null ? null : new Slot<>(slot.next(), null));
            if (after != null) {
                after.current().startable.complete(null);
            }
        }
    }

    /** Keys with a read under way or awaited: zero when nobody is asking. */
    int keysInUse() {
        return slots.size();
    }

    private static <V> V await(CompletableFuture<V> result) {
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
