package com.cmobile.ecosystem.testkit.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.cmobile.ecosystem.testkit.broker.ClusterLayout.NodePorts;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apache Kafka's own brokers, in-process: a cluster of KRaft nodes (three by default) that are
 * each broker and controller, on 127.0.0.1, replicated the way a production deployment is, for
 * tests that stop and restart brokers under load. The single {@link EmbeddedKafkaBroker} stays
 * what local runs and ordinary ITs use.
 *
 * <p>Every topic, internal ones included, defaults to replication factor 3 and
 * {@code min.insync.replicas=2}: with one node stopped, {@code acks=all} writes, consumer groups
 * and transactions still succeed; with two stopped they do not. Unclean leader election is off.
 * Topics are never auto-created.
 *
 * <p>The controllers form a KIP-853 dynamic quorum, the kind Kafka 4 recommends for new clusters:
 * every node is formatted with all nodes as initial voters and finds the leader through
 * {@code controller.quorum.bootstrap.servers}. Each node keeps its data directory and its two
 * ports (client and controller) for the life of the cluster, so a restarted node rejoins with its
 * log and clients' {@code bootstrap.servers} lists stay valid.
 *
 * <p>Node ids are 0 to {@code nodes - 1}.
 */
public final class EmbeddedKafkaCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaCluster.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    /** What every node gets on top of the settings it shares with the single broker; overrides still win. */
    private static final Map<String, String> CLUSTER_DEFAULTS = Map.of(
            // A replica that fell out of sync never becomes leader, so no acknowledged write is lost.
            "unclean.leader.election.enable", "false",
            // A node that cannot reach a majority of controllers fails its start instead of waiting forever.
            "server.max.startup.time.ms", String.valueOf(READY_TIMEOUT.toMillis()));

    private final List<Node> nodes;
    private final KRaftNode[] running;
    private final Path dataDirectory;
    private final boolean deleteOnClose;
    private final String clusterId;
    private final Duration startupTime;
    private boolean closed;

    /** One node's fixed identity: what it is started with, every time. */
    private record Node(int id, NodePorts ports, Properties properties) {
    }

    private EmbeddedKafkaCluster(List<Node> nodes, List<KRaftNode> started, Path dataDirectory,
                                 boolean deleteOnClose, String clusterId, Duration startupTime) {
        this.nodes = nodes;
        this.running = started.toArray(KRaftNode[]::new);
        this.dataDirectory = dataDirectory;
        this.deleteOnClose = deleteOnClose;
        this.clusterId = clusterId;
        this.startupTime = startupTime;
    }

    /**
     * Formats the nodes' storage if it is new, starts every node and returns once all are
     * unfenced brokers and the metadata quorum has a leader.
     */
    public static EmbeddedKafkaCluster start(ClusterSettings settings) {
        long startedAt = System.nanoTime();
        boolean temporary = settings.dataDirectory().isEmpty();
        Path root = settings.dataDirectory()
                .orElseGet(() -> KRaftStorage.createTemporaryDirectory("embedded-kafka-cluster-"));
        var layout = new ClusterLayout(root);
        try {
            boolean formatted = layout.isFormatted();
            Started started = formatted
                    ? startExisting(layout, settings)
                    : KRaftNode.retryingTakenRandomPorts(true, () -> startNew(layout, settings));
            Duration startupTime = Duration.ofNanos(System.nanoTime() - startedAt);
            var cluster = new EmbeddedKafkaCluster(started.nodes(), started.running(), root, temporary,
                    started.clusterId(), startupTime);
            LOG.info("Embedded Kafka cluster of {} nodes started on {} in {} ms ({} data in {})",
                    started.nodes().size(), cluster.bootstrapServers(), startupTime.toMillis(),
                    temporary ? "temporary" : formatted ? "existing" : "new persistent", root);
            return cluster;
        } catch (RuntimeException e) {
            if (temporary) {
                KRaftStorage.deleteRecursively(root);
            }
            throw e;
        }
    }

    private record Started(String clusterId, List<Node> nodes, List<KRaftNode> running) {
    }

    private static Started startNew(ClusterLayout layout, ClusterSettings settings) {
        List<Integer> picked = FreePorts.pickOutsideEphemeralRange(2 * settings.nodes());
        List<NodePorts> ports = IntStream.range(0, settings.nodes())
                .mapToObj(nodeId -> new NodePorts(picked.get(2 * nodeId), picked.get(2 * nodeId + 1)))
                .toList();
        List<Node> nodes = nodes(layout, ports, settings);
        String clusterId = Uuid.randomUuid().toString();
        // Every node is formatted with the same voters; each voter's directory id names its metadata log.
        String initialControllers = nodes.stream()
                .map(node -> node.id() + "@127.0.0.1:" + node.ports().controllerPort() + ":" + Uuid.randomUuid())
                .collect(Collectors.joining(","));
        try {
            layout.createRoot();
            for (Node node : nodes) {
                KRaftStorage.formatAsInitialVoter(node.properties(), clusterId, initialControllers, layout.root());
            }
            layout.writePorts(ports);
            return new Started(clusterId, nodes, startAndAwait(nodes));
        } catch (RuntimeException e) {
            layout.clear(settings.nodes());
            throw e;
        }
    }

    private static Started startExisting(ClusterLayout layout, ClusterSettings settings) {
        List<NodePorts> ports = layout.readPorts();
        if (ports.size() != settings.nodes()) {
            throw new IllegalArgumentException(layout.root() + " holds a cluster of " + ports.size()
                    + " nodes; the settings ask for " + settings.nodes());
        }
        List<Node> nodes = nodes(layout, ports, settings);
        String clusterId = KRaftStorage.clusterId(layout.nodeDirectory(0));
        return new Started(clusterId, nodes, startAndAwait(nodes));
    }

    private static List<Node> nodes(ClusterLayout layout, List<NodePorts> ports, ClusterSettings settings) {
        var overrides = new LinkedHashMap<>(CLUSTER_DEFAULTS);
        overrides.putAll(settings.brokerOverrides());
        var quorum = NodeProperties.Quorum.bootstrapServers(ports.stream().map(NodePorts::controllerPort).toList());
        var nodes = new ArrayList<Node>();
        for (int nodeId = 0; nodeId < ports.size(); nodeId++) {
            NodePorts nodePorts = ports.get(nodeId);
            nodes.add(new Node(nodeId, nodePorts, NodeProperties.combinedNode(nodeId, nodePorts.port(),
                    nodePorts.controllerPort(), quorum, NodeProperties.Replication.PRODUCTION,
                    layout.nodeDirectory(nodeId), overrides)));
        }
        return List.copyOf(nodes);
    }

    private static List<KRaftNode> startAndAwait(List<Node> nodes) {
        List<KRaftNode> started = KRaftNode.startAll(nodes.stream().map(Node::properties).toList());
        try {
            ClusterProbe.awaitBrokers(bootstrapServers(nodes), nodes.stream().map(Node::id).toList(), READY_TIMEOUT);
            return started;
        } catch (RuntimeException e) {
            try {
                KRaftNode.stopAll(started);
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** Every node's {@code 127.0.0.1:<port>}, stopped ones included, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers(nodes);
    }

    private static String bootstrapServers(List<Node> nodes) {
        return nodes.stream().map(node -> "127.0.0.1:" + node.ports().port()).collect(Collectors.joining(","));
    }

    /** Node ids, 0 to {@code size() - 1}. */
    public List<Integer> nodeIds() {
        return nodes.stream().map(Node::id).toList();
    }

    /** The client port of node {@code nodeId}; it stays the same across restarts. */
    public int port(int nodeId) {
        return node(nodeId).ports().port();
    }

    public String clusterId() {
        return clusterId;
    }

    /** The directory holding every node's data ({@code node-<id>}). */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Wall-clock time from {@link #start} until every node was an unfenced broker. */
    public Duration startupTime() {
        return startupTime;
    }

    public synchronized boolean isRunning(int nodeId) {
        node(nodeId);
        return running[nodeId] != null;
    }

    /**
     * Stops node {@code nodeId} cleanly and keeps its data: its broker first hands its partition
     * leaderships to other replicas (controlled shutdown), then broker and controller stop.
     * In-process there is no harder stop: Kafka's server offers no other way to end it.
     *
     * @throws IllegalStateException if the node is stopped already, or if stopping it would leave
     *         fewer than a majority of the nodes running: the controllers would lose their quorum,
     *         and the remaining brokers could then never finish a controlled shutdown (each would
     *         wait five minutes on close)
     */
    public synchronized void stopNode(int nodeId) {
        Node node = node(nodeId);
        KRaftNode server = running[nodeId];
        if (server == null) {
            throw new IllegalStateException("Node " + nodeId + " is already stopped");
        }
        long runningAfter = Arrays.stream(running).filter(Objects::nonNull).count() - 1;
        if (runningAfter < nodes.size() / 2 + 1) {
            throw new IllegalStateException("Stopping node " + nodeId + " would leave " + runningAfter + " of "
                    + nodes.size() + " nodes running, fewer than the majority the controller quorum needs;"
                    + " restart a stopped node first");
        }
        long stoppingAt = System.nanoTime();
        running[nodeId] = null;
        server.stop();
        LOG.info("Embedded Kafka cluster node {} (127.0.0.1:{}) stopped in {} ms", nodeId, node.ports().port(),
                Duration.ofNanos(System.nanoTime() - stoppingAt).toMillis());
    }

    /**
     * Starts a stopped node again on its own data and ports, and returns once it is an unfenced
     * broker again, listed by the cluster. Its replicas then still have to catch up: see
     * {@link #awaitFullyReplicated}.
     *
     * <p>Within {@code broker.session.timeout.ms} (9 s by default) of its stop, the controller
     * still holds the node's previous broker registration and refuses the new one
     * ({@code DUPLICATE_BROKER_REGISTRATION}) until that session expires, so such a restart
     * takes about that long; later, about a second.
     */
    public synchronized void restartNode(int nodeId) {
        Node node = node(nodeId);
        if (running[nodeId] != null) {
            throw new IllegalStateException("Node " + nodeId + " is running; stop it first");
        }
        long startingAt = System.nanoTime();
        running[nodeId] = KRaftNode.start(node.properties());
        ClusterProbe.awaitBrokers(bootstrapServers(), List.of(nodeId), READY_TIMEOUT);
        LOG.info("Embedded Kafka cluster node {} restarted on 127.0.0.1:{} in {} ms", nodeId, node.ports().port(),
                Duration.ofNanos(System.nanoTime() - startingAt).toMillis());
    }

    /** The node id of the controller that leads the metadata quorum now (a running node). */
    public int activeController() {
        return ClusterProbe.activeController(bootstrapServers(), this::isRunning, READY_TIMEOUT);
    }

    /**
     * Waits until every partition of every topic, internal ones included, has all its replicas
     * in sync (nothing under-replicated), as after a restarted node has caught up. Only reachable
     * while every node runs.
     *
     * @throws IllegalStateException naming lagging partitions if {@code timeout} passes first
     */
    public void awaitFullyReplicated(Duration timeout) {
        long waitingAt = System.nanoTime();
        ClusterProbe.awaitFullyReplicated(bootstrapServers(), timeout);
        LOG.info("Embedded Kafka cluster fully replicated after {} ms",
                Duration.ofNanos(System.nanoTime() - waitingAt).toMillis());
    }

    /**
     * Stops every running node at once; deletes the data directory if it was temporary. Takes
     * about five seconds: the controller leading the quorum last resigns and waits Kafka's fixed
     * five seconds for a successor that never comes (logged as "Graceful shutdown of RaftClient
     * failed"); the data is flushed and closed cleanly all the same.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long stoppingAt = System.nanoTime();
        var stillRunning = new ArrayList<KRaftNode>();
        for (int nodeId = 0; nodeId < running.length; nodeId++) {
            if (running[nodeId] != null) {
                stillRunning.add(running[nodeId]);
                running[nodeId] = null;
            }
        }
        try {
            KRaftNode.stopAll(stillRunning);
        } finally {
            if (deleteOnClose) {
                KRaftStorage.deleteRecursively(dataDirectory);
            }
        }
        LOG.info("Embedded Kafka cluster on {} stopped in {} ms", bootstrapServers(),
                Duration.ofNanos(System.nanoTime() - stoppingAt).toMillis());
    }

    private Node node(int nodeId) {
        Objects.checkIndex(nodeId, nodes.size());
        return nodes.get(nodeId);
    }
}
