package com.cmobile.ecosystem.app.topology.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.function.Predicate;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The per-task accumulator that flushes: one task's sums per aggregate key for one
 * {@link PartitionSum.Level}, changed by every event but sent downstream (as a
 * {@link PartitionSum}) only once per flush for each key that changed: this is the pre-aggregation
 * that keeps hot keys ({@code global}, a program's day, a big city) from carrying one record per
 * event through the repartition topics.
 *
 * <p>Exactly-once: a commit may come between an event and the flush that sends its sum, so the
 * sums must be recoverable from committed state: they are a function of the task's state store
 * (capacity, memberships), rebuilt with {@link #add} when the task starts. What was sent is
 * recorded in the task's {@code sent} store in the same transaction as the sending, so after a
 * restart {@link #reconcile()} finds every key whose sum differs from what downstream has and
 * sends those again.
 *
 * @param <T> the type of a sum
 */
public final class PreAggregator<T> {

    private final PartitionSum.Level level;
    private final BinaryOperator<T> plus;
    private final Predicate<T> isZero;
    private final Serde<T> serde;
    private final KeyValueStore<String, byte[]> sent;
    private final String prefix;
    private final Map<String, T> sums = new HashMap<>();
    private final Set<String> dirty = new LinkedHashSet<>();

    /**
     * @param sent the task's record of what was sent, shared by the levels (keys are prefixed by level)
     */
    public PreAggregator(PartitionSum.Level level, BinaryOperator<T> plus, Predicate<T> isZero, Serde<T> serde,
                         KeyValueStore<String, byte[]> sent) {
        this.level = Objects.requireNonNull(level, "level");
        this.plus = plus;
        this.isZero = isZero;
        this.serde = serde;
        this.sent = sent;
        this.prefix = level.name() + "/";
    }

    /** Adds {@code delta} to the sum of {@code key} and marks it for the next flush. */
    public void add(String key, T delta) {
        T sum = sums.get(key);
        T next = sum == null ? delta : plus.apply(sum, delta);
        if (isZero.test(next)) {
            sums.remove(key);
        } else {
            sums.put(key, next);
        }
        dirty.add(key);
    }

    /**
     * Marks every key whose sum is not what was last sent (after a restart, a rebalance, or a
     * commit that came before a flush).
     */
    public void reconcile() {
        dirty.clear();
        try (var all = sent.prefixScan(prefix, new StringSerializer())) {
            var neverSent = new HashSet<>(sums.keySet());
            all.forEachRemaining(entry -> {
                var key = entry.key.substring(prefix.length());
                neverSent.remove(key);
                if (!Objects.equals(sums.get(key), serde.deserializer().deserialize(null, entry.value))) {
                    dirty.add(key);
                }
            });
            dirty.addAll(neverSent);
        }
    }

    /** Sends the sum of every key changed since the last flush; a sum back to zero is sent as {@code null}. */
    public void flush(ProcessorContext<String, PartitionSum<?>> context, long timestamp) {
        if (dirty.isEmpty()) {
            return;
        }
        int partition = context.taskId().partition();
        for (var key : dirty) {
            T sum = sums.get(key);
            context.forward(new Record<>(key, new PartitionSum<>(level, partition, sum), timestamp));
            if (sum == null) {
                sent.delete(prefix + key);
            } else {
                sent.put(prefix + key, serde.serializer().serialize(null, sum));
            }
        }
        dirty.clear();
    }
}
