package com.cmobile.ecosystem.app.query;

import java.util.Objects;

/**
 * Where an answer was read: the instance, the store partition, whether the task there was the
 * active one, and how many changelog records it was behind (0 for an active task).
 */
public record Provenance(String servedBy, int partition, boolean active, long lagRecords) {

    public Provenance {
        Objects.requireNonNull(servedBy, "servedBy");
    }
}
