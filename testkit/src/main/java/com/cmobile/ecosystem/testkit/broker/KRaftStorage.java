package com.cmobile.ecosystem.testkit.broker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import kafka.tools.StorageTool;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A node's KRaft log directory: formatting a new one, reading what an earlier run stored in it. */
final class KRaftStorage {

    private static final Logger LOG = LoggerFactory.getLogger(KRaftStorage.class);
    private static final String META_PROPERTIES = "meta.properties";

    private KRaftStorage() {
    }

    static boolean isFormatted(Path dataDirectory) {
        return Files.exists(dataDirectory.resolve(META_PROPERTIES));
    }

    /**
     * Formats {@code dataDirectory} as the only log directory (metadata log included) of a node
     * whose quorum is fixed by configuration ({@code controller.quorum.voters}).
     */
    static void formatForStaticQuorum(Path dataDirectory, int nodeId, String clusterId) {
        formatForStaticQuorum(dataDirectory, nodeId, clusterId, List.of());
    }

    /**
     * As {@link #formatForStaticQuorum(Path, int, String)}, with SCRAM credentials in the bootstrap
     * metadata ({@code kafka-storage format --add-scram MECHANISM=[name=..,password=..]}): under KRaft
     * a SASL/SCRAM listener can authenticate its first clients only with users created this way.
     */
    static void formatForStaticQuorum(Path dataDirectory, int nodeId, String clusterId, List<String> scramArguments) {
        try {
            Files.createDirectories(dataDirectory);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(nodeId)
                    .setClusterId(clusterId)
                    .setDirectories(List.of(dataDirectory.toString()))
                    .setMetadataLogDirectory(dataDirectory.toString())
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .setControllerListenerName(NodeProperties.CONTROLLER_LISTENER)
                    .setScramArguments(scramArguments)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Could not format KRaft storage in " + dataDirectory, e);
        }
    }

    /**
     * Formats the log directory of a node configured by {@code nodeProperties} as one of the first
     * voters of a KIP-853 dynamic quorum, as {@code kafka-storage.sh format --initial-controllers}
     * does in a production deployment: every node is formatted with the same cluster id and the
     * same {@code initialControllers} ({@code id@host:port:directoryId,...}), and each node's
     * metadata directory gets the directory id listed for it.
     *
     * <p>Kafka's storage tool is used rather than its {@code Formatter}: the formatter wants the
     * voters as a {@code kafka-raft} type, a module this kit gets at runtime only, while the
     * tool's command line is a documented interface.
     */
    static void formatAsInitialVoter(Properties nodeProperties, String clusterId, String initialControllers,
                                     Path scratchDirectory) {
        Path config = null;
        try {
            config = Files.createTempFile(scratchDirectory, "format-", ".properties");
            try (OutputStream out = Files.newOutputStream(config)) {
                nodeProperties.store(out, "node configuration for kafka-storage format");
            }
            int exitCode = StorageTool.execute(new String[] {
                    "format", "--config", config.toString(), "--cluster-id", clusterId,
                    "--initial-controllers", initialControllers
            }, new PrintStream(OutputStream.nullOutputStream()));
            if (exitCode != 0) {
                throw new IllegalStateException("kafka-storage format exited with " + exitCode);
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Could not format KRaft storage for node " + nodeProperties.get("node.id")
                    + " in " + nodeProperties.get("log.dirs"), e);
        } finally {
            if (config != null) {
                deleteRecursively(config);
            }
        }
    }

    /** The cluster id a formatted directory holds (meta.properties). */
    static String clusterId(Path dataDirectory) {
        Path metaProperties = dataDirectory.resolve(META_PROPERTIES);
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

    static Path createTemporaryDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
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
