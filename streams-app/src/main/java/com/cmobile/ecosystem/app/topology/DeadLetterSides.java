package com.cmobile.ecosystem.app.topology;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.streams.TopologyDescription;

/**
 * Which side of the topology, and so which DLQ, every processor and topic belongs to: the side of
 * the input topic it descends from, followed through the topology's own graph (a sub-topology
 * takes the side of the topics it reads; a topic it writes takes its side). Nothing is guessed from
 * names, so a processor or internal topic added tomorrow gets its side without anyone listing it.
 *
 * <p>Built once from {@link org.apache.kafka.streams.Topology#describe()}; building fails if some
 * sub-topology descends from both inputs or from neither, which the DLQ could not tell apart.
 */
public final class DeadLetterSides {

    /** The two halves of the topology, each with its own DLQ. */
    public enum Side {
        POP_CAPACITY, PARTNER_ONBOARDING
    }

    private final String applicationId;
    private final Map<String, Side> processors;
    private final Map<String, Side> topics;

    private DeadLetterSides(String applicationId, Map<String, Side> processors, Map<String, Side> topics) {
        this.applicationId = applicationId;
        this.processors = Map.copyOf(processors);
        this.topics = Map.copyOf(topics);
    }

    /** The sides of {@code topology}, whose internal topics Kafka Streams prefixes with {@code applicationId}. */
    public static DeadLetterSides of(TopologyDescription topology, String applicationId, String popCapacityTopic,
                                     String partnerOnboardingTopic) {
        Map<String, Set<Side>> topicSides = new HashMap<>();
        topicSides.put(popCapacityTopic, EnumSet.of(Side.POP_CAPACITY));
        topicSides.put(partnerOnboardingTopic, EnumSet.of(Side.PARTNER_ONBOARDING));
        Map<Integer, Set<Side>> subSides = new HashMap<>();
        boolean changed = true;
        while (changed) { // a fixpoint: each pass carries sides one repartition hop further
            changed = false;
            for (TopologyDescription.Subtopology sub : topology.subtopologies()) {
                Set<Side> sides = subSides.computeIfAbsent(sub.id(), id -> EnumSet.noneOf(Side.class));
                for (String topic : topicsOf(sub, true)) {
                    changed |= sides.addAll(topicSides.getOrDefault(topic, Set.of()));
                }
                for (String topic : topicsOf(sub, false)) {
                    changed |= topicSides.computeIfAbsent(topic, t -> EnumSet.noneOf(Side.class)).addAll(sides);
                }
            }
        }
        Map<String, Side> processors = new HashMap<>();
        Map<String, Side> topics = new HashMap<>();
        for (TopologyDescription.Subtopology sub : topology.subtopologies()) {
            Side side = only(subSides.get(sub.id()), "sub-topology " + sub.id() + " " + names(sub));
            sub.nodes().forEach(node -> processors.put(node.name(), side));
            topicsOf(sub, true).forEach(topic -> topics.put(topic, side));
        }
        return new DeadLetterSides(applicationId, processors, topics);
    }

    /** The side of a processor node, if the topology has it. */
    public Optional<Side> ofProcessor(String name) {
        return Optional.ofNullable(processors.get(name));
    }

    /** The side of a topic as a record's context names it (internal topics with the application id). */
    public Optional<Side> ofTopic(String topic) {
        String prefix = applicationId + "-";
        Side side = topics.get(topic);
        if (side == null && topic.startsWith(prefix)) {
            side = topics.get(topic.substring(prefix.length()));
        }
        return Optional.ofNullable(side);
    }

    /** Every processor of the topology with its side. */
    public Map<String, Side> processors() {
        return processors;
    }

    /** Every topic the topology reads, with its side (internal topics without the application id). */
    public Map<String, Side> topics() {
        return topics;
    }

    private static Side only(Set<Side> sides, String what) {
        if (sides == null || sides.size() != 1) {
            throw new IllegalStateException(what + " descends from " + (sides == null || sides.isEmpty()
                    ? "no input topic" : "both input topics") + ": its failures would have no dead-letter topic");
        }
        return sides.iterator().next();
    }

    private static List<String> topicsOf(TopologyDescription.Subtopology sub, boolean read) {
        List<String> topics = new ArrayList<>();
        for (TopologyDescription.Node node : sub.nodes()) {
            if (read && node instanceof TopologyDescription.Source source) {
                topics.addAll(source.topicSet());
            } else if (!read && node instanceof TopologyDescription.Sink sink && sink.topic() != null) {
                topics.add(sink.topic());
            }
        }
        return topics;
    }

    private static Set<String> names(TopologyDescription.Subtopology sub) {
        Set<String> names = new TreeSet<>();
        sub.nodes().forEach(node -> names.add(node.name()));
        return names;
    }
}
