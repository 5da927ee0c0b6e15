package com.cmobile.ecosystem.testkit.broker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
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
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final int MAX_RANDOM_PORT_ATTEMPTS = 3;

    private final KafkaRaftServer server;
    private final int port;
    private final Path dataDirectory;
    private final boolean deleteOnClose;
    private final String clusterId;
    private final Duration startupTime;
    private final AtomicBoolean closed = new AtomicBoolean(false);

    private EmbeddedKafkaBroker(KafkaRaftServer server, int port, Path dataDirectory, boolean deleteOnClose,
                                String clusterId, Duration startupTime) {
        this.server = server;
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
        Path dataDirectory = settings.dataDirectory().orElseGet(EmbeddedKafkaBroker::createTemporaryDirectory);
        try {
            String clusterId = formatIfNeeded(dataDirectory);
            KafkaRaftServer server = null;
            int port = settings.port();
            for (int attempt = 1; server == null; attempt++) {
                port = settings.port() == 0 ? FreePorts.pick() : settings.port();
                int controllerPort = FreePorts.pick();
                try {
                    server = startServer(brokerProperties(settings, dataDirectory, port, controllerPort));
                } catch (RuntimeException e) {
                    // A randomly picked port can be taken between picking and binding; try others.
                    boolean retryable = settings.port() == 0 && isBindFailure(e) && attempt < MAX_RANDOM_PORT_ATTEMPTS;
                    if (!retryable) {
                        throw e;
                    }
                    LOG.warn("Port {} or {} was taken before the broker bound it; retrying with other ports",
                            port, controllerPort);
                }
            }
            Duration startupTime = Duration.ofNanos(System.nanoTime() - startedAt);
            boolean first = FIRST_START_IN_JVM.getAndSet(false);
            LOG.info("Embedded Kafka broker started on 127.0.0.1:{} in {} ms ({} start in this JVM, {} data in {})",
                    port, startupTime.toMillis(), first ? "first" : "later",
                    temporary ? "temporary" : "persistent", dataDirectory);
            return new EmbeddedKafkaBroker(server, port, dataDirectory, temporary, clusterId, startupTime);
        } catch (RuntimeException e) {
            if (temporary) {
                deleteRecursively(dataDirectory);
            }
            throw e;
        }
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
            server.shutdown();
            server.awaitShutdown();
        } finally {
            if (deleteOnClose) {
                deleteRecursively(dataDirectory);
            }
        }
        LOG.info("Embedded Kafka broker on 127.0.0.1:{} stopped in {} ms", port,
                Duration.ofNanos(System.nanoTime() - stoppingAt).toMillis());
    }

    private static KafkaRaftServer startServer(Properties properties) {
        var server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
        try {
            server.startup();
            return server;
        } catch (RuntimeException e) {
            try {
                server.shutdown();
                server.awaitShutdown();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    static Properties brokerProperties(BrokerSettings settings, Path dataDirectory, int port, int controllerPort) {
        var p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + "," + CONTROLLER_LISTENER + "://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", dataDirectory.toString());

        // One node: every internal topic must fit on it, or groups and transactions never start.
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("min.insync.replicas", "1");
        p.put("default.replication.factor", "1");
        // Fewer coordinator partitions: the first consumer group or transaction creates them all.
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("group.initial.rebalance.delay.ms", "0");
        // Topics are the system of record: created on purpose, with their retention, never by accident.
        p.put("auto.create.topics.enable", "false");
        settings.brokerOverrides().forEach(p::put);
        return p;
    }

    /** Formats a new directory with a new cluster id, or returns the id an earlier run stored. */
    private static String formatIfNeeded(Path dataDirectory) {
        Path metaProperties = dataDirectory.resolve("meta.properties");
        if (Files.exists(metaProperties)) {
            return readClusterId(metaProperties);
        }
        String clusterId = Uuid.randomUuid().toString();
        try {
            Files.createDirectories(dataDirectory);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(clusterId)
                    .setDirectories(List.of(dataDirectory.toString()))
                    .setMetadataLogDirectory(dataDirectory.toString())
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .run();
            return clusterId;
        } catch (Exception e) {
            throw new IllegalStateException("Could not format KRaft storage in " + dataDirectory, e);
        }
    }

    private static String readClusterId(Path metaProperties) {
        var properties = new Properties();
        try (InputStream in = Files.newInputStream(metaProperties)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + metaProperties, e);
        }
        String clusterId = properties.getProperty("cluster.id");
        if (clusterId == null || clusterId.isBlank()) {
            throw new IllegalStateException(metaProperties + " has no cluster.id; the data directory is not a KRaft log directory");
        }
        return clusterId;
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && message.contains("Address already in use")) {
                return true;
            }
        }
        return false;
    }

    private static Path createTemporaryDirectory() {
        try {
            return Files.createTempDirectory("embedded-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary data directory for the embedded broker", e);
        }
    }

    static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not delete " + path, e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not fully delete the broker's temporary data directory {}: {}", directory, e.toString());
        }
    }
}
