package com.cmobile.ecosystem.producers;

import java.util.UUID;

/**
 * A valid event that Kafka or the schema registry did not accept (broker unreachable, registry
 * down, authorization denied, timeout). The event may or may not have been written; re-publishing it
 * with the same {@code eventId} is safe because consumers treat equal events as one.
 */
public final class PublishFailedException extends RuntimeException {

    private final String topic;
    private final String key;
    private final UUID eventId;

    public PublishFailedException(String topic, String key, UUID eventId, Throwable cause) {
        super("could not publish event " + eventId + " with key '" + key + "' to topic " + topic + ": "
                + cause.getMessage(), cause);
        this.topic = topic;
        this.key = key;
        this.eventId = eventId;
    }

    public String topic() {
        return topic;
    }

    public String key() {
        return key;
    }

    public UUID eventId() {
        return eventId;
    }
}
