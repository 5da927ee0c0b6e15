package com.cmobile.ecosystem.producers;

import com.cmobile.ecosystem.validation.Violation;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An event refused before it was sent because it breaks the shared validation rules. Carries every
 * violation, not just the first, so a partner can fix an event in one go.
 */
public final class RejectedEventException extends RuntimeException {

    private final String topic;
    private final String key;
    private final List<Violation> violations;

    public RejectedEventException(String topic, String key, List<Violation> violations) {
        super("event for topic " + topic + " with key '" + key + "' rejected: " + describe(violations));
        this.topic = topic;
        this.key = key;
        this.violations = List.copyOf(violations);
    }

    public String topic() {
        return topic;
    }

    /** The event's key (popId or partnerId), possibly empty when the key itself is missing. */
    public String key() {
        return key;
    }

    public List<Violation> violations() {
        return violations;
    }

    /** All violation messages joined with {@code "; "}. */
    public static String describe(List<Violation> violations) {
        return violations.stream().map(Violation::message).collect(Collectors.joining("; "));
    }
}
