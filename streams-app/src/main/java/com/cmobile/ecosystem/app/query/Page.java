package com.cmobile.ecosystem.app.query;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a fanned-out list.
 *
 * @param items             in key order
 * @param next              cursor of the following page, empty on the last page
 * @param answeredBy        the instances whose answers were merged, sorted
 * @param missingPartitions store partitions nobody could answer for (only with {@code partial=true})
 * @param staleReads        partitions answered by a standby or restoring store, with their lag
 */
public record Page<T>(List<T> items, Optional<String> next, List<String> answeredBy,
                      List<Integer> missingPartitions, List<StaleRead> staleReads) {

    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(next, "next");
        answeredBy = List.copyOf(answeredBy);
        missingPartitions = List.copyOf(missingPartitions);
        staleReads = List.copyOf(staleReads);
    }

    public <U> Page<U> map(Function<? super T, ? extends U> mapper) {
        return new Page<>(items.stream().<U>map(mapper).toList(), next, answeredBy, missingPartitions, staleReads);
    }

    /** A partition read from a non-active copy. */
    public record StaleRead(int partition, String servedBy, long lagRecords) {
    }
}
