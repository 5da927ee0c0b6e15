package com.cmobile.ecosystem.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.cmobile.ecosystem.app.topology.DeadLetterListener;
import com.cmobile.ecosystem.app.topology.EcosystemTopology;
import com.cmobile.ecosystem.app.topology.TopologySettings;
import com.cmobile.ecosystem.validation.EventValidator;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

class InputPartitionsTest {

    private static final TopologyDescription TOPOLOGY = new EcosystemTopology(
            TopologySettings.withDefaults(Map.of("schema.registry.url", "mock://input-partitions-test")),
            EventValidator.withDefaults(), DeadLetterListener.NONE).build().describe();
    private static final List<String> INPUTS = List.of("pop-capacity", "partner-onboarding");

    @Test
    void theStateStoresChangelogsAndTheByKeyTopicsArePartitionedLikeTheirInput() {
        var internal = InputPartitions.coPartitioned(TOPOLOGY, "app", INPUTS);

        assertThat(internal).containsEntry("app-pop-state-store-changelog", "pop-capacity")
                .containsEntry("app-pop-partials-sent-store-changelog", "pop-capacity")
                .containsEntry("app-pop-capacity-by-pop-id-repartition", "pop-capacity")
                .containsEntry("app-membership-state-store-changelog", "partner-onboarding")
                .containsEntry("app-membership-history-store-changelog", "partner-onboarding")
                .containsEntry("app-partner-onboarding-by-partner-id-repartition", "partner-onboarding")
                .doesNotContainKey("app-city-capacity-store-changelog");
    }

    @Test
    void addedInputPartitionsAreAMismatchNamingBothCounts() {
        var internal = InputPartitions.coPartitioned(TOPOLOGY, "app", INPUTS);
        var counts = Map.of("pop-capacity", 8, "partner-onboarding", 6,
                "app-pop-state-store-changelog", 6, "app-membership-state-store-changelog", 6);

        assertThat(InputPartitions.mismatches(counts, internal))
                .containsExactly("input topic 'pop-capacity' has 8 partitions but 'app-pop-state-store-changelog' has 6");
    }

    @Test
    void aFirstStartHasNoInternalTopicsAndNothingToCompare() {
        var internal = InputPartitions.coPartitioned(TOPOLOGY, "app", INPUTS);

        assertThat(InputPartitions.mismatches(Map.of("pop-capacity", 8, "partner-onboarding", 3), internal)).isEmpty();
    }
}
