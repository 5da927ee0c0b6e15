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
 * @param storeType                 RocksDB (production) or in-memory stores (fast tests; state is
 *                                  then rebuilt from the changelogs on every start)
 */
public record TopologySettings(Map<String, ?> serdeConfig, String popCapacityDlqTopic,
                               String partnerOnboardingDlqTopic, StoreType storeType) {

    /** Where the stores keep their data. Changing it keeps the changelogs, so it is not a breaking change. */
    public enum StoreType {
        PERSISTENT, IN_MEMORY
    }

    public TopologySettings {
        serdeConfig = Map.copyOf(serdeConfig);
        Objects.requireNonNull(popCapacityDlqTopic, "popCapacityDlqTopic");
        Objects.requireNonNull(partnerOnboardingDlqTopic, "partnerOnboardingDlqTopic");
        Objects.requireNonNull(storeType, "storeType");
    }

    /** Persistent stores and the standard DLQ topics ({@code pop-capacity-dlq}, {@code partner-onboarding-dlq}). */
    public static TopologySettings withDefaults(Map<String, ?> serdeConfig) {
        return new TopologySettings(serdeConfig, Topics.dlqOf(Topics.POP_CAPACITY),
                Topics.dlqOf(Topics.PARTNER_ONBOARDING), StoreType.PERSISTENT);
    }

    public TopologySettings withStoreType(StoreType type) {
        return new TopologySettings(serdeConfig, popCapacityDlqTopic, partnerOnboardingDlqTopic, type);
    }

    /** The DLQ for records read from {@code sourceTopic}, one of the two event topics. */
    public String deadLetterTopicFor(String sourceTopic) {
        return Topics.PARTNER_ONBOARDING.equals(sourceTopic) ? partnerOnboardingDlqTopic : popCapacityDlqTopic;
    }
}
