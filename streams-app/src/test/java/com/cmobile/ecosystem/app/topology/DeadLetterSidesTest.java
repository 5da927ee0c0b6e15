package com.cmobile.ecosystem.app.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.cmobile.ecosystem.app.topology.DeadLetterSides.Side;
import com.cmobile.ecosystem.validation.EventValidator;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;

class DeadLetterSidesTest {

    private final TopologyDescription topology = new EcosystemTopology(
            TopologySettings.withDefaults(Map.of("schema.registry.url", "mock://dlq-sides-test")),
            EventValidator.withDefaults(), DeadLetterListener.NONE).build().describe();
    private final DeadLetterSides sides = DeadLetterSides.of(topology, "ecosystem", "pop-capacity", "partner-onboarding");

    @Test
    void everyProcessorAndEveryTopicReadHasASide() {
        var nodes = new TreeSet<String>();
        var read = new TreeSet<String>();
        for (TopologyDescription.Subtopology sub : topology.subtopologies()) {
            for (TopologyDescription.Node node : sub.nodes()) {
                nodes.add(node.name());
                if (node instanceof TopologyDescription.Source source) {
                    read.addAll(source.topicSet());
                }
            }
        }

        assertThat(sides.processors().keySet()).containsExactlyInAnyOrderElementsOf(nodes);
        assertThat(sides.topics().keySet()).containsExactlyInAnyOrderElementsOf(read);
    }

    @Test
    void eachInternalTopicTakesTheSideOfTheInputItDescendsFrom() {
        assertThat(sides.ofTopic("ecosystem-alliance-organisation-partials-repartition")).contains(Side.PARTNER_ONBOARDING);
        assertThat(sides.ofTopic("ecosystem-alliance-program-country-partials-repartition")).contains(Side.PARTNER_ONBOARDING);
        assertThat(sides.ofTopic("ecosystem-alliance-organisation-partials-repartition")).contains(Side.PARTNER_ONBOARDING);
        assertThat(sides.ofTopic("ecosystem-partner-onboarding-by-partner-id-repartition")).contains(Side.PARTNER_ONBOARDING);
        assertThat(sides.ofTopic("ecosystem-capacity-business-location-partials-repartition")).contains(Side.POP_CAPACITY);
        assertThat(sides.ofTopic("ecosystem-pop-capacity-by-pop-id-repartition")).contains(Side.POP_CAPACITY);
        assertThat(sides.ofTopic("partner-onboarding")).contains(Side.PARTNER_ONBOARDING);
        assertThat(sides.ofTopic("another-application-capacity-by-country-repartition")).isEmpty();
    }

    @Test
    void eachProcessorTakesTheSideOfItsSubTopology() {
        assertThat(sides.ofProcessor("membership-state-apply")).contains(Side.PARTNER_ONBOARDING);
        assertThat(sides.ofProcessor("alliance-organisation-partials-aggregate")).contains(Side.PARTNER_ONBOARDING);
        assertThat(sides.ofProcessor("capacity-city-partials-total")).contains(Side.POP_CAPACITY);
        assertThat(sides.ofProcessor("pop-state-apply")).contains(Side.POP_CAPACITY);
        assertThat(sides.ofProcessor("no-such-processor")).isEmpty();
    }

    @Test
    void aSubTopologyReadingNeitherInputHasNoSideAndIsRefused() {
        var builder = new StreamsBuilder();
        builder.stream("pop-capacity", Consumed.with(Serdes.String(), Serdes.String()).withName("pop-source"))
                .to("pop-capacity-dlq", Produced.<String, String>with(Serdes.String(), Serdes.String()).withName("pop-sink"));
        builder.stream("somebody-elses-topic", Consumed.with(Serdes.String(), Serdes.String()).withName("other-source"))
                .mapValues(v -> v, Named.as("other-step"))
                .to("pop-capacity-dlq", Produced.<String, String>with(Serdes.String(), Serdes.String()).withName("other-sink"));

        assertThatThrownBy(() -> DeadLetterSides.of(builder.build().describe(), "ecosystem", "pop-capacity",
                "partner-onboarding"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("other-step").hasMessageContaining("no input topic");
    }

    @Test
    void aSubTopologyReadingBothInputsIsRefused() {
        var builder = new StreamsBuilder();
        builder.stream(Set.of("pop-capacity", "partner-onboarding"),
                        Consumed.with(Serdes.String(), Serdes.String()).withName("both-source"))
                .to("pop-capacity-dlq", Produced.<String, String>with(Serdes.String(), Serdes.String()).withName("both-sink"));

        assertThatThrownBy(() -> DeadLetterSides.of(builder.build().describe(), "ecosystem", "pop-capacity",
                "partner-onboarding"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("both input topics");
    }
}
