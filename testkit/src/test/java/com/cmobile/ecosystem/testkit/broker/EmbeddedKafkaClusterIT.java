package com.cmobile.ecosystem.testkit.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class EmbeddedKafkaClusterIT {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaClusterIT.class);
    private static final String TOPIC = "cluster-events";
    private static final String GROUP = "cluster-events-reader";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int BATCH = 100;

    @Test
    void transactionalWritesAndReadsSurviveStoppingOneNodeAtATime() throws Exception {
        var timings = new Timings();
        // given a three-node cluster and a topic created with the cluster's defaults
        try (var cluster = timings.time("start 3 nodes", () -> EmbeddedKafkaCluster.start(ClusterSettings.defaults()));
             var admin = adminFor(cluster);
             var producer = transactionalProducer(cluster)) {
            admin.createTopics(List.of(new NewTopic(TOPIC, Optional.of(3), Optional.empty()))).all().get(20, TimeUnit.SECONDS);
            // A broker that answers before the new topic reached its metadata says it does not exist.
            eventually("topic " + TOPIC + " in every broker's metadata", () -> isDescribable(admin));
            assertThat(describe(admin).partitions()).allSatisfy(partition -> assertThat(partition.replicas()).hasSize(3));
            assertThat(topicConfig(admin, "min.insync.replicas")).isEqualTo("2");
            producer.initTransactions();
            List<String> allUp = writeCommitted(producer, "all-up");
            assertThat(readCommitted(cluster)).containsExactlyInAnyOrderElementsOf(allUp);

            // when a node that does not lead the metadata quorum stops
            int leader = cluster.activeController();
            int follower = cluster.nodeIds().stream().filter(id -> id != leader).findFirst().orElseThrow();
            timings.time("stop node " + follower, () -> cluster.stopNode(follower));

            // then acks=all writes still commit with two replicas in sync, and a read_committed group reads them
            eventually("ISR of 2 without node " + follower, () -> isrSizes(admin).equals(Set.of(2)));
            assertThat(cluster.isRunning(follower)).isFalse();
            List<String> oneDown = writeCommitted(producer, "one-down");
            assertThat(readCommitted(cluster)).containsExactlyInAnyOrderElementsOf(oneDown);

            // when it restarts, it rejoins on its own port and every replica catches up
            timings.time("restart node " + follower, () -> cluster.restartNode(follower));
            timings.time("catch up (ISR back to 3)", () -> cluster.awaitFullyReplicated(TIMEOUT));
            assertThat(isrSizes(admin)).containsExactly(3);
            assertThat(advertisedPort(admin, follower)).isEqualTo(cluster.port(follower));

            // when the controller leading the quorum stops (whichever node leads now: leadership may
            // have moved to the node that just restarted)
            int quorumLeader = cluster.activeController();
            timings.time("stop quorum leader node " + quorumLeader, () -> cluster.stopNode(quorumLeader));
            int newLeader = timings.time("new quorum leader", cluster::activeController);

            // then another controller leads, metadata changes commit, and the data path still serves
            assertThat(newLeader).isNotEqualTo(quorumLeader);
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, TOPIC), List.of(
                    new AlterConfigOp(new ConfigEntry("retention.ms", "-1"), AlterConfigOp.OpType.SET))))
                    .all().get(20, TimeUnit.SECONDS);
            assertThat(topicConfig(admin, "retention.ms")).isEqualTo("-1");
            List<String> leaderDown = writeCommitted(producer, "leader-down");
            assertThat(readCommitted(cluster)).containsExactlyInAnyOrderElementsOf(leaderDown);
        } finally {
            LOG.info("Cluster fault timings: {}", timings);
        }
    }

    @Test
    void aClusterStartedAgainOnItsDataDirectoryKeepsItsIdPortsAndTopics(@TempDir Path dataDirectory) throws Exception {
        // given a cluster on a given directory, with one topic
        var settings = ClusterSettings.defaults().withDataDirectory(dataDirectory);
        String clusterId;
        String bootstrapServers;
        try (var cluster = EmbeddedKafkaCluster.start(settings); var admin = adminFor(cluster)) {
            clusterId = cluster.clusterId();
            bootstrapServers = cluster.bootstrapServers();
            admin.createTopics(List.of(new NewTopic("kept-topic", Optional.of(3), Optional.empty()))).all().get(20, TimeUnit.SECONDS);
        }

        // when a cluster starts again on the same directory
        try (var restarted = EmbeddedKafkaCluster.start(settings); var admin = adminFor(restarted)) {

            // then it is the same cluster, on the same ports, with its topic
            assertThat(restarted.clusterId()).isEqualTo(clusterId);
            assertThat(restarted.bootstrapServers()).isEqualTo(bootstrapServers);
            assertThat(admin.describeCluster().clusterId().get(20, TimeUnit.SECONDS)).isEqualTo(clusterId);
            assertThat(admin.listTopics().names().get(20, TimeUnit.SECONDS)).contains("kept-topic");
        }
        assertThat(dataDirectory.resolve("node-0").resolve("meta.properties")).as("a given directory is kept").exists();
    }

    /** Writes one transaction of {@link #BATCH} records and returns their values. */
    private static List<String> writeCommitted(KafkaProducer<String, String> producer, String phase) {
        List<String> values = IntStream.range(0, BATCH).mapToObj(i -> phase + "-" + i).toList();
        producer.beginTransaction();
        values.forEach(value -> producer.send(new ProducerRecord<>(TOPIC, value, value)));
        producer.commitTransaction();
        return values;
    }

    /**
     * Reads, as the test's one consumer group, a batch of committed records after the group's
     * committed offsets (or until the timeout), then commits what it read.
     */
    private static List<String> readCommitted(EmbeddedKafkaCluster cluster) {
        var read = new ArrayList<String>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, GROUP,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (read.size() < BATCH && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> read.add(record.value()));
            }
            consumer.commitSync();
        }
        return read;
    }

    private static KafkaProducer<String, String> transactionalProducer(EmbeddedKafkaCluster cluster) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "cluster-events-writer",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, TIMEOUT.toMillis(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    private static Admin adminFor(EmbeddedKafkaCluster cluster) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()));
    }

    private static int advertisedPort(Admin admin, int nodeId) throws Exception {
        return admin.describeCluster().nodes().get(20, TimeUnit.SECONDS).stream()
                .filter(node -> node.id() == nodeId)
                .findFirst().orElseThrow()
                .port();
    }

    private static TopicDescription describe(Admin admin) throws Exception {
        return admin.describeTopics(List.of(TOPIC)).allTopicNames().get(20, TimeUnit.SECONDS).get(TOPIC);
    }

    private static boolean isDescribable(Admin admin) throws Exception {
        try {
            describe(admin);
            return true;
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException) {
                return false;
            }
            throw e;
        }
    }

    private static Set<Integer> isrSizes(Admin admin) throws Exception {
        return describe(admin).partitions().stream().map(partition -> partition.isr().size()).collect(Collectors.toSet());
    }

    private static String topicConfig(Admin admin, String name) throws Exception {
        var topic = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC);
        return admin.describeConfigs(List.of(topic)).all().get(20, TimeUnit.SECONDS).get(topic).get(name).value();
    }

    @FunctionalInterface
    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void eventually(String what, Condition condition) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.holds()) {
            assertThat(System.nanoTime()).as("waited %s for %s", TIMEOUT, what).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** Wall-clock times of the steps, in the order they ran, for the log (not asserted on). */
    private static final class Timings {
        private final List<String> steps = new ArrayList<>();

        <T> T time(String step, Supplier<T> action) {
            long startedAt = System.nanoTime();
            T result = action.get();
            steps.add(step + " " + Duration.ofNanos(System.nanoTime() - startedAt).toMillis() + " ms");
            return result;
        }

        void time(String step, Runnable action) {
            time(step, () -> {
                action.run();
                return null;
            });
        }

        @Override
        public String toString() {
            return String.join(", ", steps);
        }
    }
}
