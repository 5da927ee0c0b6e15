package com.cmobile.ecosystem.testkit.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apache Kafka's own broker, in-process: one KRaft node that is both broker and controller,
 * listening on 127.0.0.1 only, configured for exactly-once on a single node.
 *
 * <p>Topics are never auto-created ({@code auto.create.topics.enable=false}): the event topics
 * are the system of record and are created explicitly, with their retention, by
 * {@link com.cmobile.ecosystem.testkit.topics.TopicProvisioner}.
 *
 * <p>The broker's default {@code log.message.timestamp.after.max.ms} (one hour) is kept on
 * purpose: the broker rejects records stamped further in the future, which is what a real
 * cluster does too, so producers and validation must keep future-dated events out. Records
 * stamped in the past (a 2006 backfill) are accepted; whether they survive depends only on the
 * topic's {@code retention.ms}.
 *
 * <p>Start time is measured and logged at INFO; the first start in a JVM pays for class loading
 * (about 4–5 s), later ones take well under a second.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final AtomicBoolean FIRST_START_IN_JVM = new AtomicBoolean(true);
    private static final int NODE_ID = 1;

    private final KRaftNode node;
    private final int port;
    private final Path dataDirectory;
    private final boolean deleteOnClose;
    private final String clusterId;
    private final Duration startupTime;
    private final AtomicBoolean closed = new AtomicBoolean(false);

    private EmbeddedKafkaBroker(KRaftNode node, int port, Path dataDirectory, boolean deleteOnClose,
                                String clusterId, Duration startupTime) {
        this.node = node;
        this.port = port;
        this.dataDirectory = dataDirectory;
        this.deleteOnClose = deleteOnClose;
        this.clusterId = clusterId;
        this.startupTime = startupTime;
    }

    /**
     * Formats the data directory if it is new, starts the broker and returns once it accepts
     * clients (the broker is unfenced).
     */
    public static EmbeddedKafkaBroker start(BrokerSettings settings) {
        long startedAt = System.nanoTime();
        boolean temporary = settings.dataDirectory().isEmpty();
        Path dataDirectory = settings.dataDirectory()
                .orElseGet(() -> KRaftStorage.createTemporaryDirectory("embedded-kafka-"));
        try {
            String clusterId = formatIfNeeded(dataDirectory);
            Started started = KRaftNode.retryingTakenRandomPorts(settings.port() == 0, () -> {
                int port = settings.port() == 0 ? FreePorts.pick() : settings.port();
                int controllerPort = FreePorts.pick();
                return new Started(KRaftNode.start(brokerProperties(settings, dataDirectory, port, controllerPort)), port);
            });
            Duration startupTime = Duration.ofNanos(System.nanoTime() - startedAt);
            boolean first = FIRST_START_IN_JVM.getAndSet(false);
            LOG.info("Embedded Kafka broker started on 127.0.0.1:{} in {} ms ({} start in this JVM, {} data in {})",
                    started.port(), startupTime.toMillis(), first ? "first" : "later",
                    temporary ? "temporary" : "persistent", dataDirectory);
            return new EmbeddedKafkaBroker(started.node(), started.port(), dataDirectory, temporary, clusterId, startupTime);
        } catch (RuntimeException e) {
            if (temporary) {
                KRaftStorage.deleteRecursively(dataDirectory);
            }
            throw e;
        }
    }

    private record Started(KRaftNode node, int port) {
    }

    /** {@code 127.0.0.1:<port>}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The KRaft cluster id, stored with the data (meta.properties) and kept across restarts. */
    public String clusterId() {
        return clusterId;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Wall-clock time from {@link #start} until the broker accepted clients. */
    public Duration startupTime() {
        return startupTime;
    }

    /** Stops the broker and waits for it; deletes the data directory if it was temporary. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long stoppingAt = System.nanoTime();
        try {
            node.stop();
        } finally {
            if (deleteOnClose) {
                KRaftStorage.deleteRecursively(dataDirectory);
            }
        }
        LOG.info("Embedded Kafka broker on 127.0.0.1:{} stopped in {} ms", port,
                Duration.ofNanos(System.nanoTime() - stoppingAt).toMillis());
    }

    static Properties brokerProperties(BrokerSettings settings, Path dataDirectory, int port, int controllerPort) {
        return NodeProperties.combinedNode(NODE_ID, port, controllerPort,
                NodeProperties.Quorum.singleStaticVoter(NODE_ID, controllerPort), NodeProperties.Replication.SINGLE_NODE,
                dataDirectory, settings.brokerOverrides());
    }

    /** Formats a new directory with a new cluster id, or returns the id an earlier run stored. */
    private static String formatIfNeeded(Path dataDirectory) {
        if (KRaftStorage.isFormatted(dataDirectory)) {
            return KRaftStorage.clusterId(dataDirectory);
        }
        String clusterId = Uuid.randomUuid().toString();
        KRaftStorage.formatForStaticQuorum(dataDirectory, NODE_ID, clusterId);
        return clusterId;
    }
}
