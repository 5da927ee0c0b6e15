package com.cmobile.ecosystem.events;

import java.util.Map;

/**
 * Names of the Kafka topics that carry the events, in one place so producers, the streams
 * application and the local run never disagree on a spelling.
 *
 * <p>Every event topic has a dead-letter twin ({@code <topic>-dlq}) that receives the records the
 * shared validation rejected, with the reasons in headers.
 */
public final class Topics {

    /** {@link PopCapacityEvent}s keyed by popId. */
    public static final String POP_CAPACITY = "pop-capacity";

    /** {@link PartnerOnboardingEvent}s keyed by partnerId. */
    public static final String PARTNER_ONBOARDING = "partner-onboarding";

    /** Rejected records of {@link #POP_CAPACITY}. */
    public static final String POP_CAPACITY_DLQ = dlqOf(POP_CAPACITY);

    /** Rejected records of {@link #PARTNER_ONBOARDING}. */
    public static final String PARTNER_ONBOARDING_DLQ = dlqOf(PARTNER_ONBOARDING);

    /** Every event topic with its dead-letter topic: what a launcher or a test provisions. */
    public static final Map<String, String> DLQ_BY_EVENT_TOPIC = Map.of(
            POP_CAPACITY, POP_CAPACITY_DLQ,
            PARTNER_ONBOARDING, PARTNER_ONBOARDING_DLQ);

    /** The compacted topic in which the schema registry keeps the registered schemas. */
    public static final String SCHEMAS = "_schemas";

    private static final String DLQ_SUFFIX = "-dlq";

    private Topics() {
    }

    /**
     * The dead-letter topic of an event topic.
     *
     * @param topic an event topic, for example {@value #POP_CAPACITY}
     * @return {@code topic + "-dlq"}
     * @throws IllegalArgumentException if the topic is blank or already a dead-letter topic
     */
    public static String dlqOf(String topic) {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("topic must not be blank, was '" + topic + "'");
        }
        if (topic.endsWith(DLQ_SUFFIX)) {
            // A DLQ of a DLQ would hide a routing bug; fail loudly instead.
            throw new IllegalArgumentException("'" + topic + "' is already a dead-letter topic");
        }
        return topic + DLQ_SUFFIX;
    }
}
