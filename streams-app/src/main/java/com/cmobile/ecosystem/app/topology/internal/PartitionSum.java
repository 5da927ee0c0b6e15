package com.cmobile.ecosystem.app.topology.internal;

/**
 * The message a task sends: what one input partition contributes to one aggregate key, as a whole
 * (not a change), a "partial" sum. Sent through the {@code *-partials} repartition topics (whose
 * names keep that word: renaming a topic is a breaking change). The task that owns the key keeps the latest
 * partial of every input partition and adds them up, so a partial may be sent twice, or replaced
 * by a newer one, without changing the result.
 *
 * @param level     which aggregate the key belongs to
 * @param partition the input partition (task) whose events this sums up
 * @param sum       the sum over that partition, or {@code null} when it contributes nothing
 * @param <T>       the type of the sum
 */
public record PartitionSum<T>(Level level, int partition, T sum) {

    /** The first-level aggregates fed by partials. */
    public enum Level {
        CITY, BUSINESS_LOCATION, PROGRAM_COUNTRY, ORGANISATIONS
    }
}
