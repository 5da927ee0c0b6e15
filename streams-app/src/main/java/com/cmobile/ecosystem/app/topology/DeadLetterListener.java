package com.cmobile.ecosystem.app.topology;

/**
 * Told about every record sent to a dead-letter topic, once per reason; the metrics layer counts
 * them. Called on stream threads: implementations must be thread-safe and fast.
 */
@FunctionalInterface
public interface DeadLetterListener {

    /** Ignores everything. */
    DeadLetterListener NONE = (deadLetterTopic, reason) -> { };

    /**
     * @param deadLetterTopic the DLQ the record went to, e.g. {@code pop-capacity-dlq}
     * @param reason          one reason code, e.g. {@code future-timestamp} or {@code deserialization}
     */
    void deadLettered(String deadLetterTopic, String reason);
}
