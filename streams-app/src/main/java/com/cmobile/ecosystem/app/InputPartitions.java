package com.cmobile.ecosystem.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.streams.TopologyDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The partition counts of the input topics, read once at start, and the check that the
 * application's state was built for them.
 *
 * <p>Each key's state lives on its home partition among the input topic's partitions (murmur2 of
 * the key, as Kafka's Java producer chooses). Adding partitions moves the home of most keys: the
 * state of a key would then be split between its old and its new home, silently. Kafka Streams
 * cannot move state between partitions, so when a topic co-partitioned with an input (the state
 * stores' changelogs, the repartition topic that moves misplaced events home) has another count
 * than the input, the application refuses to start and says how to rebuild its state.
 */
public record InputPartitions(int popCapacity, int partnerOnboarding) {

    private static final Logger LOG = LoggerFactory.getLogger(InputPartitions.class);
    private static final Duration MISSING_TOPIC_RETRY = Duration.ofMillis(200);

    /**
     * The counts of the two input topics. A topic just created may not be known to every broker yet,
     * so a missing one is waited for, up to {@code timeout}; then the start fails naming it.
     */
    public static InputPartitions read(Admin admin, String popCapacityTopic, String partnerOnboardingTopic,
                                       Duration timeout) {
        List<String> inputs = List.of(popCapacityTopic, partnerOnboardingTopic);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Map<String, Integer> counts = partitionCounts(admin, inputs, timeout);
            List<String> missing = inputs.stream().filter(topic -> !counts.containsKey(topic)).toList();
            if (missing.isEmpty()) {
                return new InputPartitions(counts.get(popCapacityTopic), counts.get(partnerOnboardingTopic));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("input topics " + missing + " do not exist after waiting " + timeout
                        + ": create them (with retention.ms=-1) before starting the application");
            }
            LOG.info("Waiting for input topics {} to exist (at most {})", missing, timeout);
            try {
                Thread.sleep(MISSING_TOPIC_RETRY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for input topics " + missing, e);
            }
        }
    }

    /**
     * Fails, naming every mismatch and what to do, when an existing internal topic co-partitioned
     * with an input topic of {@code topology} has another partition count than the one these counts,
     * which the topology was built for, give that input.
     */
    public void requireStateBuiltFor(Admin admin, TopologyDescription topology, String applicationId,
                                     String popCapacityTopic, String partnerOnboardingTopic, Duration timeout) {
        Map<String, Integer> counts = new TreeMap<>();
        counts.put(popCapacityTopic, popCapacity);
        counts.put(partnerOnboardingTopic, partnerOnboarding);
        List<String> inputTopics = List.copyOf(counts.keySet());
        Map<String, String> internalToInput = coPartitioned(topology, applicationId, inputTopics);
        counts.putAll(partitionCounts(admin, internalToInput.keySet(), timeout));
        List<String> problems = mismatches(counts, internalToInput);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("; ", problems) + ". Partitions were added to an input "
                    + "topic after the application built its state, so keys would split between their old and new "
                    + "partitions. To use the new count, rebuild the state from the event topics: stop every instance, "
                    + "run kafka-streams-application-reset --application-id " + applicationId + " --input-topics "
                    + String.join(",", inputTopics) + " (it deletes the internal topics; or choose a new APPLICATION_ID), "
                    + "delete STATE_DIR on every instance, then start again");
        }
    }

    /** Internal topic (with the application id) → the input topic its partitions must match. */
    static Map<String, String> coPartitioned(TopologyDescription topology, String applicationId,
                                             Collection<String> inputTopics) {
        Map<String, String> internal = new TreeMap<>();
        for (TopologyDescription.Subtopology sub : topology.subtopologies()) {
            Set<String> sources = new TreeSet<>();
            Set<String> stores = new TreeSet<>();
            for (TopologyDescription.Node node : sub.nodes()) {
                if (node instanceof TopologyDescription.Source source) {
                    sources.addAll(source.topicSet());
                } else if (node instanceof TopologyDescription.Processor processor) {
                    stores.addAll(processor.stores());
                }
            }
            inputTopics.stream().filter(sources::contains).forEach(input -> {
                sources.stream().filter(topic -> !inputTopics.contains(topic))
                        .forEach(topic -> internal.put(applicationId + "-" + topic, input));
                stores.forEach(store -> internal.put(applicationId + "-" + store + "-changelog", input));
            });
        }
        return internal;
    }

    /** One message per existing internal topic whose count differs from its input's. */
    static List<String> mismatches(Map<String, Integer> counts, Map<String, String> internalToInput) {
        List<String> problems = new ArrayList<>();
        internalToInput.forEach((internal, input) -> {
            Integer have = counts.get(internal);
            Integer want = counts.get(input);
            if (have != null && want != null && !have.equals(want)) {
                problems.add("input topic '" + input + "' has " + want + " partitions but '" + internal + "' has "
                        + have);
            }
        });
        return problems;
    }

    private static Map<String, Integer> partitionCounts(Admin admin, Collection<String> topics, Duration timeout) {
        Map<String, Integer> counts = new TreeMap<>();
        admin.describeTopics(topics).topicNameValues().forEach((topic, future) -> {
            try {
                TopicDescription description = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                counts.put(topic, description.partitions().size());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw new IllegalStateException("cannot describe topic '" + topic + "': " + e.getCause(), e);
                }
            } catch (TimeoutException e) {
                throw new IllegalStateException("no answer from the brokers about topic '" + topic + "' within "
                        + timeout, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while describing topic '" + topic + "'", e);
            }
        });
        return counts;
    }
}
