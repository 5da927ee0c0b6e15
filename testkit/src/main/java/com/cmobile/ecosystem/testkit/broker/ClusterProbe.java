package com.cmobile.ecosystem.testkit.broker;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;

/** Asks a running cluster, through an Admin client, whether it has got where a caller needs it. */
final class ClusterProbe {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final long CALL_TIMEOUT_MS = 5_000;
    private static final int SHOWN_PARTITIONS = 5;

    private ClusterProbe() {
    }

    /** Waits until every node in {@code nodeIds} is an unfenced broker and the quorum has a leader. */
    static void awaitBrokers(String bootstrapServers, Collection<Integer> nodeIds, Duration timeout) {
        await(bootstrapServers, "brokers " + nodeIds + " in the cluster's metadata", timeout, admin -> {
            Set<Integer> alive = admin.describeCluster().nodes().get(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS).stream()
                    .map(Node::id)
                    .collect(Collectors.toCollection(TreeSet::new));
            if (!alive.containsAll(nodeIds)) {
                return Optional.of("brokers " + alive);
            }
            int leader = admin.describeMetadataQuorum().quorumInfo().get(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS).leaderId();
            return leader < 0 ? Optional.of("no metadata quorum leader") : Optional.empty();
        });
    }

    /**
     * The node id of the controller that leads the metadata quorum, once that is a running node:
     * right after the leader stops, the quorum may still name it for a moment.
     */
    static int activeController(String bootstrapServers, IntPredicate isRunning, Duration timeout) {
        var leader = new AtomicInteger(-1);
        await(bootstrapServers, "a running metadata quorum leader", timeout, admin -> {
            leader.set(admin.describeMetadataQuorum().quorumInfo().get(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS).leaderId());
            return leader.get() >= 0 && isRunning.test(leader.get()) ? Optional.empty() : Optional.of("leader " + leader.get());
        });
        return leader.get();
    }

    /** Waits until every partition of every topic, internal ones included, has all its replicas in sync. */
    static void awaitFullyReplicated(String bootstrapServers, Duration timeout) {
        await(bootstrapServers, "every partition's in-sync replicas equal to its replicas", timeout, admin -> {
            Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true))
                    .names().get(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            Map<String, TopicDescription> descriptions = admin.describeTopics(topics)
                    .allTopicNames().get(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            List<String> lagging = descriptions.values().stream()
                    .flatMap(topic -> topic.partitions().stream()
                            .filter(partition -> !isFullyReplicated(partition))
                            .map(partition -> topic.name() + "-" + partition.partition()
                                    + " isr=" + ids(partition.isr()) + " replicas=" + ids(partition.replicas())))
                    .sorted()
                    .toList();
            return lagging.isEmpty() ? Optional.empty()
                    : Optional.of(lagging.size() + " partitions lag, e.g. " + lagging.subList(0, Math.min(SHOWN_PARTITIONS, lagging.size())));
        });
    }

    private static boolean isFullyReplicated(TopicPartitionInfo partition) {
        return partition.leader() != null && !partition.leader().isEmpty()
                && ids(partition.isr()).equals(ids(partition.replicas()));
    }

    private static Set<Integer> ids(List<Node> nodes) {
        return nodes.stream().map(Node::id).collect(Collectors.toCollection(TreeSet::new));
    }

    /** One step of a wait: empty when the goal is reached, else what is still missing. */
    @FunctionalInterface
    private interface Check {
        Optional<String> missing(Admin admin) throws ExecutionException, TimeoutException, InterruptedException;
    }

    private static void await(String bootstrapServers, String goal, Duration timeout, Check check) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) CALL_TIMEOUT_MS,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) CALL_TIMEOUT_MS))) {
            while (true) {
                String missing;
                try {
                    Optional<String> result = check.missing(admin);
                    if (result.isEmpty()) {
                        return;
                    }
                    missing = result.get();
                } catch (ExecutionException e) {
                    missing = String.valueOf(e.getCause());
                } catch (TimeoutException e) {
                    missing = "no answer within " + CALL_TIMEOUT_MS + " ms";
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("Waited " + timeout.toMillis() + " ms for " + goal + " at "
                            + bootstrapServers + "; still missing: " + missing);
                }
                Thread.sleep(POLL_INTERVAL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + goal, e);
        }
    }
}
