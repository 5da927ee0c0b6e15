package com.cmobile.ecosystem.app.topology.internal;

import java.util.Collection;
import java.util.LinkedHashMap;

/**
 * The latest {@link PartitionSum} of every input partition for one aggregate key, kept by the task
 * that owns the key (the {@code *-partials-store} stores), which adds them up. The most recently
 * changed partition comes last.
 *
 * @param byPartition sum per input partition; partitions that contribute nothing are absent
 * @param <T>         the type of the sums
 */
public record SumsByPartition<T>(LinkedHashMap<Integer, T> byPartition) {

    public static <T> SumsByPartition<T> none() {
        return new SumsByPartition<>(new LinkedHashMap<>());
    }

    /**
     * These partials with {@code partial} replacing what its partition sent before; {@code null}
     * (which deletes the entry) when no partition contributes any more.
     */
    public SumsByPartition<T> with(PartitionSum<T> partial) {
        var copy = new LinkedHashMap<>(byPartition);
        copy.remove(partial.partition());
        if (partial.sum() != null) {
            copy.put(partial.partition(), partial.sum());
        }
        return copy.isEmpty() ? null : new SumsByPartition<>(copy);
    }

    /** The sums, the most recently changed last. */
    public Collection<T> sums() {
        return byPartition.values();
    }
}
