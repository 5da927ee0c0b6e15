package com.cmobile.ecosystem.app.query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Finds the version in force at an instant in a history sorted by time, one version per time. */
final class Versions {

    private Versions() {
    }

    /** The latest version not after {@code at}; empty when all are later (the key did not exist yet). */
    static <V> Optional<V> asOf(List<V> versions, Instant at, Function<V, Instant> time) {
        int low = 0;
        int high = versions.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (time.apply(versions.get(middle)).isAfter(at)) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low == 0 ? Optional.empty() : Optional.of(versions.get(low - 1));
    }
}
