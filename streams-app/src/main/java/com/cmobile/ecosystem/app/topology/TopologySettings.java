package com.cmobile.ecosystem.app.topology;

import java.util.Map;
import java.util.Objects;

import com.cmobile.ecosystem.events.Topics;

/**
 * What the topology needs from configuration.
 *
 * @param serdeConfig               configuration of the event serdes ({@code schema.registry.url}, ...)
 * @param popCapacityDlqTopic       where invalid PoP events go
 * @param partnerOnboardingDlqTopic where invalid partner events go
 */
public record TopologySettings(Map<String, ?> serdeConfig, String popCapacityDlqTopic,
                               String partnerOnboardingDlqTopic) {

    public TopologySettings {
        serdeConfig = Map.copyOf(serdeConfig);
        Objects.requireNonNull(popCapacityDlqTopic, "popCapacityDlqTopic");
        Objects.requireNonNull(partnerOnboardingDlqTopic, "partnerOnboardingDlqTopic");
    }

    /** The standard DLQ topics ({@code pop-capacity-dlq}, {@code partner-onboarding-dlq}). */
    public static TopologySettings withDefaultDeadLetterTopics(Map<String, ?> serdeConfig) {
        return new TopologySettings(serdeConfig, Topics.dlqOf(Topics.POP_CAPACITY),
                Topics.dlqOf(Topics.PARTNER_ONBOARDING));
    }

    /** The DLQ for records read from {@code sourceTopic}, one of the two event topics. */
    public String deadLetterTopicFor(String sourceTopic) {
        return Topics.PARTNER_ONBOARDING.equals(sourceTopic) ? partnerOnboardingDlqTopic : popCapacityDlqTopic;
    }
}
