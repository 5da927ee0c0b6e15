package com.cmobile.ecosystem.app.topology.internal;

import java.util.Collection;
import java.util.LinkedHashMap;

/**
 * The latest partial of every input partition for one aggregate key, kept by the task that owns
 * the key (the {@code *-partials-store} stores). The most recently changed partition comes last.
 *
 * @param byPartition sum per input partition; partitions that contribute nothing are absent
 * @param <T>         the type of the sums
 */
public record Partials<T>(LinkedHashMap<Integer, T> byPartition) {

    public static <T> Partials<T> none() {
        return new Partials<>(new LinkedHashMap<>());
    }

    /**
     * These partials with {@code partial} replacing what its partition sent before; {@code null}
     * (which deletes the entry) when no partition contributes any more.
     */
    public Partials<T> with(Partial<T> partial) {
        var copy = new LinkedHashMap<>(byPartition);
        copy.remove(partial.partition());
        if (partial.sum() != null) {
            copy.put(partial.partition(), partial.sum());
        }
        return copy.isEmpty() ? null : new Partials<>(copy);
    }

    /** The sums, the most recently changed last. */
    public Collection<T> sums() {
        return byPartition.values();
    }
}
