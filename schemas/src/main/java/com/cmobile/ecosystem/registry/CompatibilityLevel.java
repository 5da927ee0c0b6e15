package com.cmobile.ecosystem.registry;

import java.util.Locale;
import java.util.Optional;

/**
 * The compatibility levels of Confluent Schema Registry: which earlier versions of a subject a
 * new schema is checked against, and in which direction.
 */
public enum CompatibilityLevel {
    /** No check. */
    NONE,
    /** The new schema can read data written with the latest version. */
    BACKWARD,
    /** The new schema can read data written with every earlier version. */
    BACKWARD_TRANSITIVE,
    /** The latest version can read data written with the new schema. */
    FORWARD,
    /** Every earlier version can read data written with the new schema. */
    FORWARD_TRANSITIVE,
    /** Both BACKWARD and FORWARD against the latest version. */
    FULL,
    /** Both BACKWARD and FORWARD against every earlier version. */
    FULL_TRANSITIVE;

    /**
     * The level with this name, ignoring case and surrounding blanks.
     *
     * @param name for example {@code "backward"}
     * @return the level, or empty when the name is null or not a level
     */
    public static Optional<CompatibilityLevel> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.strip().toUpperCase(Locale.ROOT);
        for (CompatibilityLevel level : values()) {
            if (level.name().equals(wanted)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }

    /** @return whether new schemas must be able to read old data */
    public boolean checksBackward() {
        return this == BACKWARD || this == BACKWARD_TRANSITIVE || this == FULL || this == FULL_TRANSITIVE;
    }

    /** @return whether old schemas must be able to read new data */
    public boolean checksForward() {
        return this == FORWARD || this == FORWARD_TRANSITIVE || this == FULL || this == FULL_TRANSITIVE;
    }

    /** @return whether the check covers every earlier version rather than only the latest */
    public boolean isTransitive() {
        return name().endsWith("_TRANSITIVE");
    }
}
