package com.cmobile.ecosystem.testkit.broker;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The configuration of one combined broker + controller listening on 127.0.0.1: what the single
 * broker and every node of the cluster have in common, with the two things that differ between
 * them (how the node finds its controller quorum, how many copies of each partition it asks for)
 * as parameters.
 */
final class NodeProperties {

    static final String CONTROLLER_LISTENER = "CONTROLLER";

    private NodeProperties() {
    }

    /** The property that tells a node where the controller quorum is. */
    record Quorum(String property, String value) {

        /** A quorum of this one node (KRaft version 0: the voters are fixed by configuration). */
        static Quorum singleStaticVoter(int nodeId, int controllerPort) {
            return new Quorum("controller.quorum.voters", nodeId + "@127.0.0.1:" + controllerPort);
        }

        /**
         * A KIP-853 dynamic quorum: the voters are written into each node's storage when it is
         * formatted; the nodes find the current leader through these controller endpoints.
         */
        static Quorum bootstrapServers(List<Integer> controllerPorts) {
            return new Quorum("controller.quorum.bootstrap.servers", controllerPorts.stream()
                    .map(port -> "127.0.0.1:" + port)
                    .collect(Collectors.joining(",")));
        }
    }

    /**
     * How many copies of each partition (internal topics included) the node's defaults ask for,
     * and how many must be in sync for a write with {@code acks=all} to succeed.
     */
    record Replication(int replicationFactor, int minInsyncReplicas) {

        /** Every internal topic must fit on one node, or groups and transactions never start. */
        static final Replication SINGLE_NODE = new Replication(1, 1);
        /** What a production cluster runs with: one node may be down and writes still succeed. */
        static final Replication PRODUCTION = new Replication(3, 2);
    }

    static Properties combinedNode(int nodeId, int port, int controllerPort, Quorum quorum, Replication replication,
                                   Path dataDirectory, Map<String, String> overrides) {
        var p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(nodeId));
        p.put(quorum.property(), quorum.value());
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + "," + CONTROLLER_LISTENER + "://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", dataDirectory.toString());

        String factor = String.valueOf(replication.replicationFactor());
        String minInsync = String.valueOf(replication.minInsyncReplicas());
        p.put("offsets.topic.replication.factor", factor);
        p.put("transaction.state.log.replication.factor", factor);
        p.put("transaction.state.log.min.isr", minInsync);
        p.put("share.coordinator.state.topic.replication.factor", factor);
        p.put("share.coordinator.state.topic.min.isr", minInsync);
        p.put("min.insync.replicas", minInsync);
        p.put("default.replication.factor", factor);
        // Fewer coordinator partitions: the first consumer group or transaction creates them all.
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("group.initial.rebalance.delay.ms", "0");
        // A crashed transactional producer's open transaction holds back read_committed readers and
        // the committed offsets of the tasks it wrote until the broker aborts it, which it checks
        // for every 10 s by default: on top of the transaction timeout, up to 10 s of failover.
        p.put("transaction.abort.timed.out.transaction.cleanup.interval.ms", "1000");
        // Topics are the system of record: created on purpose, with their retention, never by accident.
        p.put("auto.create.topics.enable", "false");
        overrides.forEach(p::put);
        return p;
    }
}
