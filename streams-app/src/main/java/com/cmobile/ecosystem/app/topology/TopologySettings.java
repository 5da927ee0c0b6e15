package com.cmobile.ecosystem.app.topology;

import java.util.Map;
import java.util.Objects;

import com.cmobile.ecosystem.events.Topics;

/**
 * What the topology needs from configuration.
 *
 * @param serdeConfig                 configuration of the event serdes ({@code schema.registry.url}, ...)
 * @param popCapacityTopic            where PoP events come from, normally {@code pop-capacity}
 * @param partnerOnboardingTopic      where partner events come from, normally {@code partner-onboarding}
 * @param popCapacityDlqTopic         where invalid PoP events go, normally {@code pop-capacity-dlq}
 * @param partnerOnboardingDlqTopic   where invalid partner events go, normally {@code partner-onboarding-dlq}
 * @param storeType                   RocksDB (production) or in-memory stores (fast tests; state is
 *                                    then rebuilt from the changelogs on every start)
 * @param popCapacityPartitions       partitions of {@code popCapacityTopic}: each PoP's state lives on
 *                                    the partition Kafka's Java producer would choose among these
 * @param partnerOnboardingPartitions partitions of {@code partnerOnboardingTopic}, likewise per partner
 */
public record TopologySettings(Map<String, ?> serdeConfig, String popCapacityTopic, String partnerOnboardingTopic,
                               String popCapacityDlqTopic, String partnerOnboardingDlqTopic, StoreType storeType,
                               int popCapacityPartitions, int partnerOnboardingPartitions) {

    /** Where the stores keep their data. Changing it keeps the changelogs, so it is not a breaking change. */
    public enum StoreType {
        PERSISTENT, IN_MEMORY
    }

    public TopologySettings {
        serdeConfig = Map.copyOf(serdeConfig);
        Objects.requireNonNull(popCapacityTopic, "popCapacityTopic");
        Objects.requireNonNull(partnerOnboardingTopic, "partnerOnboardingTopic");
        Objects.requireNonNull(popCapacityDlqTopic, "popCapacityDlqTopic");
        Objects.requireNonNull(partnerOnboardingDlqTopic, "partnerOnboardingDlqTopic");
        Objects.requireNonNull(storeType, "storeType");
        if (popCapacityPartitions < 1 || partnerOnboardingPartitions < 1) {
            throw new IllegalArgumentException("input topics have at least one partition, not "
                    + popCapacityPartitions + " and " + partnerOnboardingPartitions);
        }
    }

    /** The standard topics ({@link Topics}) with one partition each, and persistent stores. */
    public static TopologySettings withDefaults(Map<String, ?> serdeConfig) {
        return new TopologySettings(serdeConfig, Topics.POP_CAPACITY, Topics.PARTNER_ONBOARDING,
                Topics.POP_CAPACITY_DLQ, Topics.PARTNER_ONBOARDING_DLQ, StoreType.PERSISTENT, 1, 1);
    }

    public TopologySettings withStoreType(StoreType type) {
        return new TopologySettings(serdeConfig, popCapacityTopic, partnerOnboardingTopic, popCapacityDlqTopic,
                partnerOnboardingDlqTopic, type, popCapacityPartitions, partnerOnboardingPartitions);
    }

    /** The same with the input topics' partition counts, as read from the cluster at start. */
    public TopologySettings withInputPartitions(int popCapacity, int partnerOnboarding) {
        return new TopologySettings(serdeConfig, popCapacityTopic, partnerOnboardingTopic, popCapacityDlqTopic,
                partnerOnboardingDlqTopic, storeType, popCapacity, partnerOnboarding);
    }
}
