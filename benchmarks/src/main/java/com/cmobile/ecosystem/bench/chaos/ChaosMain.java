package com.cmobile.ecosystem.bench.chaos;

import com.cmobile.ecosystem.bench.ExperimentOptions;
import com.cmobile.ecosystem.events.Topics;
import com.cmobile.ecosystem.registry.server.SchemaRegistryServer;
import com.cmobile.ecosystem.testkit.PythonInterop;
import com.cmobile.ecosystem.testkit.broker.ClusterSettings;
import com.cmobile.ecosystem.testkit.broker.EmbeddedKafkaCluster;
import com.cmobile.ecosystem.testkit.topics.EventTopicSettings;
import com.cmobile.ecosystem.testkit.topics.TopicProvisioner;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * {@code java -cp benchmarks/target/benchmarks.jar com.cmobile.ecosystem.bench.chaos.ChaosMain}: the
 * fault-injection run on an in-process KRaft cluster of three brokers with production replication
 * (factor 3, {@code min.insync.replicas} 2, for event, internal and transaction topics alike), the
 * schema registry beside it, and the app instances as child JVMs. Settings: {@link ChaosSettings}
 * ({@code -Dchaos.*}); the last line is the {@code CHAOS ...} line; the exit status is 0 only when
 * the run found no mismatch and no query error.
 */
public final class ChaosMain {

    private ChaosMain() {
    }

    public static void main(String[] args) throws Exception {
        ChaosSettings settings = ChaosSettings.fromSystemProperties();
        ChaosResult result;
        try {
            result = run(settings, System.err);
        } catch (Exception e) {
            e.printStackTrace(System.err);
            System.out.println("CHAOS guarantee=" + settings.guarantee() + " failed: " + e);
            System.exit(2);
            return;
        }
        System.out.println("answers by status: " + result.answers());
        System.out.printf(java.util.Locale.ROOT, "failover_s after each kill: %s (p50 %.1f, p99 %.1f, max %.1f)%n",
                result.failovers(), result.failoverP50Seconds(), result.failoverP99Seconds(),
                result.failoverMaxSeconds());
        System.out.println(result.line());
        // Client threads (HTTP, Kafka) may linger; the figures are out, so leave now.
        System.exit(result.mismatches() == 0 && result.queryErrors() == 0 ? 0 : 1);
    }

    /** One run in a fresh work directory, deleted afterwards unless {@code -Dchaos.keepWork=true}. */
    public static ChaosResult run(ChaosSettings settings, PrintStream progress) throws Exception {
        PythonInterop.confluentClientProblem().ifPresent(problem -> {
            throw new IllegalStateException(problem + " is needed; install it with: apt-get install -y "
                    + PythonInterop.PACKAGES);
        });
        Path work = Files.createTempDirectory("chaos-");
        try (var environment = ClusterEnvironment.start(settings, work)) {
            return new ChaosRun(settings, progress).run(environment, work);
        } finally {
            if (Boolean.getBoolean("chaos.keepWork")) {
                progress.println("[chaos] kept the work directory " + work);
            } else {
                deleteRecursively(work);
            }
        }
    }

    /** The cluster, the registry and the topics, made for one run and closed after it. */
    private static final class ClusterEnvironment implements ChaosRun.Environment {

        private final EmbeddedKafkaCluster cluster;
        private final SchemaRegistryServer registry;
        private final Admin admin;
        private final Path work;

        private ClusterEnvironment(EmbeddedKafkaCluster cluster, SchemaRegistryServer registry, Admin admin,
                                   Path work) {
            this.cluster = cluster;
            this.registry = registry;
            this.admin = admin;
            this.work = work;
        }

        static ClusterEnvironment start(ChaosSettings settings, Path work) {
            var clusterSettings = ClusterSettings.defaults().withNodes(settings.brokers())
                    .withDataDirectory(work.resolve("cluster"));
            if (settings.groupProtocol().equals("streams")) {
                // KIP-1071: the broker owns the streams group's session, heartbeat and standby replicas;
                // the same figures as the classic protocol's settings of the app (README, Operations).
                clusterSettings = clusterSettings.withBrokerProperty("group.streams.min.session.timeout.ms", "6000")
                        .withBrokerProperty("group.streams.session.timeout.ms", "6000")
                        .withBrokerProperty("group.streams.min.heartbeat.interval.ms", "1500")
                        .withBrokerProperty("group.streams.heartbeat.interval.ms", "1500")
                        .withBrokerProperty("group.streams.num.standby.replicas", "1")
                        .withBrokerProperty("group.streams.initial.rebalance.delay.ms", "0");
            }
            // Experiments: -Dchaos.brokerProps=group.min.session.timeout.ms=3000 (applied last).
            for (var property : ExperimentOptions.keyValues(System.getProperty("chaos.brokerProps", "")).entrySet()) {
                clusterSettings = clusterSettings.withBrokerProperty(property.getKey(), property.getValue());
            }
            var cluster = EmbeddedKafkaCluster.start(clusterSettings);
            SchemaRegistryServer registry = null;
            Admin admin = null;
            try {
                registry = SchemaRegistryServer.start(cluster.bootstrapServers(), 0);
                admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()));
                new TopicProvisioner(admin).provisionEventTopics(Topics.DLQ_BY_EVENT_TOPIC, EventTopicSettings.defaults()
                        .withPartitions(settings.partitions()).withReplicationFactor((short) 3));
                return new ClusterEnvironment(cluster, registry, admin, work);
            } catch (RuntimeException e) {
                if (admin != null) {
                    admin.close();
                }
                if (registry != null) {
                    registry.close();
                }
                cluster.close();
                throw e;
            }
        }

        @Override
        public String bootstrapServers() {
            return cluster.bootstrapServers();
        }

        @Override
        public String registryUrl() {
            return registry.url();
        }

        @Override
        public Admin admin() {
            return admin;
        }

        @Override
        public FaultInjector.Brokers brokers() {
            List<Integer> nodes = cluster.nodeIds();
            return new FaultInjector.Brokers() {
                @Override
                public void stop(int node) {
                    cluster.stopNode(nodes.get(node));
                }

                @Override
                public void restart(int node) {
                    cluster.restartNode(nodes.get(node));
                }
            };
        }

        @Override
        public ChaosPublisher.PythonProducer python() {
            return new PythonChunks(cluster.bootstrapServers(), registry.url(), work);
        }

        @Override
        public void close() {
            admin.close();
            registry.close();
            cluster.close();
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
