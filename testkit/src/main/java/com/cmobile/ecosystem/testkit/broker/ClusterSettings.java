package com.cmobile.ecosystem.testkit.broker;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run an {@link EmbeddedKafkaCluster}.
 *
 * @param nodes            how many combined broker + controller nodes; at least 3, so that
 *                         replication factor 3 fits and a majority of controllers survives one stop
 * @param dataDirectory    where the nodes keep their logs (one folder per node); empty means a fresh
 *                         temporary directory that is deleted on close. A given directory is kept,
 *                         and a later start on it reuses its nodes' storage, cluster id and ports.
 * @param brokerOverrides  extra properties for every node, applied last (they win over the defaults)
 */
public record ClusterSettings(int nodes, Optional<Path> dataDirectory, Map<String, String> brokerOverrides) {

    public ClusterSettings {
        if (nodes < 3) {
            throw new IllegalArgumentException("A cluster needs at least 3 nodes (replication factor 3), was " + nodes);
        }
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        brokerOverrides = Map.copyOf(Objects.requireNonNull(brokerOverrides, "brokerOverrides"));
    }

    /** Three nodes on random ports, temporary data, no overrides. */
    public static ClusterSettings defaults() {
        return new ClusterSettings(3, Optional.empty(), Map.of());
    }

    public ClusterSettings withNodes(int newNodes) {
        return new ClusterSettings(newNodes, dataDirectory, brokerOverrides);
    }

    /** Keeps the nodes' data in {@code directory}, so topics and offsets survive a restart of the cluster. */
    public ClusterSettings withDataDirectory(Path directory) {
        return new ClusterSettings(nodes, Optional.of(directory), brokerOverrides);
    }

    public ClusterSettings withBrokerProperty(String key, String value) {
        var merged = new LinkedHashMap<>(brokerOverrides);
        merged.put(key, value);
        return new ClusterSettings(nodes, dataDirectory, merged);
    }
}
