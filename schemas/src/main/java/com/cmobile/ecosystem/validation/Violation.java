package com.cmobile.ecosystem.validation;

import java.util.Objects;

/**
 * One reason an event is invalid.
 *
 * @param field   the Avro field name, for example {@code "country"}
 * @param reason  the machine-readable reason
 * @param message a human-readable sentence naming the field and the bad value
 */
public record Violation(String field, Reason reason, String message) {

    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }
}
