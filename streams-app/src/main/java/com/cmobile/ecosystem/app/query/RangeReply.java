package com.cmobile.ecosystem.app.query;

import java.util.List;
import java.util.Objects;

/**
 * Wire form of one instance's part of a fanned-out range scan
 * ({@code /internal/v1/stores/{store}/range}): a slice per local store partition it could read,
 * and why it could not read the others it hosts.
 */
public record RangeReply(String servedBy, List<Slice> slices, List<Failure> failures) {

    public RangeReply {
        Objects.requireNonNull(servedBy, "servedBy");
        slices = List.copyOf(slices);
        failures = List.copyOf(failures);
    }

    /**
     * The keys of one partition in the requested range, in store order.
     *
     * @param more true when the partition has keys in range beyond these
     */
    public record Slice(int partition, boolean active, long lagRecords, List<StoreEntry> entries, boolean more) {
        public Slice {
            entries = List.copyOf(entries);
        }
    }

    /** A local partition that could not be read, and why. */
    public record Failure(int partition, String reason) {
    }
}
