package com.cmobile.ecosystem.app.query;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.TopologyDescription;

/**
 * {@link ClusterView} from Kafka Streams' own metadata (rebuilt at every rebalance from the
 * {@code application.server} each instance advertises).
 *
 * <p>A store's partitions are those of the input topics of the sub-topology that owns it, taken from
 * the assignment of all instances (active and standby). While a member that left is still in the
 * assignment, its partitions are expected and a fan-out reports them missing until the group
 * rebalances, which is the honest answer.
 */
public final class StreamsClusterView implements ClusterView {

    private final KafkaStreams streams;
    private final Map<String, Set<String>> inputTopicsByStore;

    public StreamsClusterView(KafkaStreams streams, TopologyDescription topology, String applicationId) {
        this.streams = streams;
        this.inputTopicsByStore = inputTopicsByStore(topology, applicationId);
    }

    @Override
    public List<InstanceStatus> instances() {
        return streams.metadataForAllStreamsClients().stream()
                .map(m -> new InstanceStatus(Instance.of(m.hostInfo()).toString(), "UNKNOWN",
                        names(m.topicPartitions()), names(m.standbyTopicPartitions())))
                .sorted(java.util.Comparator.comparing(InstanceStatus::instance))
                .toList();
    }

    @Override
    public List<Instance> hostsOf(String store) {
        return streams.streamsMetadataForStore(store).stream()
                .map(m -> Instance.of(m.hostInfo()))
                .filter(i -> !i.isUnknown())
                .distinct().sorted().toList();
    }

    @Override
    public Set<Integer> partitionsOf(String store) {
        Set<String> topics = inputTopicsByStore.getOrDefault(store, Set.of());
        Set<Integer> partitions = new TreeSet<>();
        for (StreamsMetadata client : streams.metadataForAllStreamsClients()) {
            addPartitions(client.topicPartitions(), topics, partitions);
            addPartitions(client.standbyTopicPartitions(), topics, partitions);
        }
        return partitions;
    }

    private static void addPartitions(Collection<TopicPartition> assigned, Set<String> topics, Set<Integer> into) {
        assigned.stream().filter(tp -> topics.contains(tp.topic())).forEach(tp -> into.add(tp.partition()));
    }

    private static List<String> names(Set<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::toString).sorted().toList();
    }

    /**
     * Store name to the topics feeding its sub-topology. Internal (repartition) topics appear in the
     * description without the application id prefix they carry on the broker, so both spellings are kept.
     */
    static Map<String, Set<String>> inputTopicsByStore(TopologyDescription topology, String applicationId) {
        Map<String, Set<String>> byStore = new HashMap<>();
        for (TopologyDescription.Subtopology sub : topology.subtopologies()) {
            Set<String> topics = new HashSet<>();
            Set<String> stores = new HashSet<>();
            for (TopologyDescription.Node node : sub.nodes()) {
                if (node instanceof TopologyDescription.Source source && source.topicSet() != null) {
                    for (String topic : source.topicSet()) {
                        topics.add(topic);
                        topics.add(applicationId + "-" + topic);
                    }
                }
                if (node instanceof TopologyDescription.Processor processor) {
                    stores.addAll(processor.stores());
                }
            }
            stores.forEach(store -> byStore.computeIfAbsent(store, s -> new HashSet<>()).addAll(topics));
        }
        return byStore;
    }
}
