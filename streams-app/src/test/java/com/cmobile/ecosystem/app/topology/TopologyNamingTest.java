package com.cmobile.ecosystem.app.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.cmobile.ecosystem.validation.EventValidator;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

/** The names that become topics and directories: changing one of them is a breaking change. */
class TopologyNamingTest {

    private final Topology topology = new EcosystemTopology(
            TopologySettings.withDefaults(Map.of("schema.registry.url", "mock://naming-test")),
            new EventValidator(Clock.systemUTC(), Duration.ofMinutes(5)), DeadLetterListener.NONE).build();

    @Test
    void everyStoreHasItsDocumentedName() {
        assertThat(stores()).containsExactlyInAnyOrder(
                StoreNames.POP_STATE, StoreNames.MEMBERSHIP_STATE, StoreNames.POP_HISTORY,
                StoreNames.MEMBERSHIP_HISTORY, StoreNames.CITY_CAPACITY,
                StoreNames.BUSINESS_LOCATION_CAPACITY, StoreNames.PROGRAM_COUNTRY_ALLIANCE,
                StoreNames.ORGANISATION_COUNT,
                StoreNames.POP_PARTIALS_SENT, StoreNames.MEMBERSHIP_PARTIALS_SENT,
                StoreNames.CITY_PARTIALS, StoreNames.BUSINESS_LOCATION_PARTIALS, StoreNames.PROGRAM_COUNTRY_PARTIALS,
                StoreNames.ORGANISATION_PARTIALS);
    }

    @Test
    void repartitionTopicsHaveStableNames() {
        assertThat(repartitionTopics()).containsExactlyInAnyOrder(
                "capacity-city-partials-repartition", "capacity-business-location-partials-repartition",
                "alliance-program-country-partials-repartition", "alliance-organisation-partials-repartition",
                "pop-capacity-by-pop-id-repartition", "partner-onboarding-by-partner-id-repartition");
    }

    @Test
    void noProcessorHasAGeneratedName() {
        var names = new TreeSet<String>();
        for (TopologyDescription.Subtopology sub : topology.describe().subtopologies()) {
            sub.nodes().forEach(node -> names.add(node.name()));
        }
        assertThat(names).noneMatch(name -> name.startsWith("KSTREAM-") || name.startsWith("KTABLE-"));
    }

    @Test
    void theInputsAreReadAndTheDlqsWritten() {
        var sources = new TreeSet<String>();
        var sinks = new TreeSet<String>();
        for (TopologyDescription.Subtopology sub : topology.describe().subtopologies()) {
            for (TopologyDescription.Node node : sub.nodes()) {
                if (node instanceof TopologyDescription.Source source) {
                    sources.addAll(source.topicSet());
                } else if (node instanceof TopologyDescription.Sink sink) {
                    sinks.add(sink.topic());
                }
            }
        }
        assertThat(sources).contains("pop-capacity", "partner-onboarding");
        assertThat(sinks).contains("pop-capacity-dlq", "partner-onboarding-dlq");
    }

    private Set<String> stores() {
        var stores = new TreeSet<String>();
        for (TopologyDescription.Subtopology sub : topology.describe().subtopologies()) {
            for (TopologyDescription.Node node : sub.nodes()) {
                if (node instanceof TopologyDescription.Processor processor) {
                    stores.addAll(processor.stores());
                }
            }
        }
        return stores;
    }

    private Set<String> repartitionTopics() {
        var topics = new TreeSet<String>();
        for (TopologyDescription.Subtopology sub : topology.describe().subtopologies()) {
            for (TopologyDescription.Node node : sub.nodes()) {
                if (node instanceof TopologyDescription.Sink sink && sink.topic().endsWith("-repartition")) {
                    topics.add(sink.topic());
                }
            }
        }
        return topics;
    }
}
