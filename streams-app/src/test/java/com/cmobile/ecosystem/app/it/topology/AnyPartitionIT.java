package com.cmobile.ecosystem.app.it.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.ToIntBiFunction;
import java.util.stream.Stream;

import com.cmobile.ecosystem.app.EcosystemApp;
import com.cmobile.ecosystem.app.oracle.Expected;
import com.cmobile.ecosystem.app.oracle.NaiveAnswers;
import com.cmobile.ecosystem.app.oracle.NaiveAnswers.Growth;
import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.app.it.query.AppInstances;
import com.cmobile.ecosystem.app.it.topology.EventHistories.PartnerStep;
import com.cmobile.ecosystem.app.it.topology.EventHistories.PopStep;
import com.cmobile.ecosystem.app.it.topology.EventHistories.Step;
import com.cmobile.ecosystem.testkit.EmbeddedKafka;
import com.cmobile.ecosystem.serde.EventSerdes;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 12, one state per key whatever partition an event arrives on: producers do not agree on
 * partitions (librdkafka's CRC32 against Java's murmur2, explicit partition numbers, partitions added
 * later), so each event of a random history goes to a random partition of six, and the real app's
 * HTTP answers must still equal a naive recomputation from every event published so far: every
 * route, lists read whole, growth included: it counts the beginnings and ends of each membership's
 * history in time order, so the order in which a key spread over partitions reaches its home does
 * not decide it (no two events of a key share an occurredAt here: only ties would).
 *
 * <p>TopologyTestDriver has one partition, hence the embedded broker. It and one app instance run
 * for a whole property (tries accumulate in the same aggregates; each try has keys of its own), so
 * shrinking is off: after a first failure every later sample fails too, whatever its size, and a
 * "shrunk" history would only mislead.
 */
class AnyPartitionIT {

    private static final Logger LOG = LoggerFactory.getLogger(AnyPartitionIT.class);
    /** Bound on the wait for one try's events to show in every answer. */
    private static final Duration CONVERGENCE = Duration.ofSeconds(30);

    private static EmbeddedKafka kafka;

    /** One instance per property: jqwik runs all tries of a property on it. */
    private final NaiveAnswers expected = new NaiveAnswers();
    private int tries;
    private Path stateDir;
    private AppInstances.TestTopics topics;
    private String applicationId;
    private EcosystemApp app;
    private KafkaProducer<String, PopCapacityEvent> popProducer;
    private KafkaProducer<String, PartnerOnboardingEvent> partnerProducer;

    @BeforeContainer
    static void startBroker() {
        // jqwik does not run Jupiter extensions, so this cannot share EmbeddedKafkaExtension's broker.
        kafka = EmbeddedKafka.start();
    }

    @AfterContainer
    static void stopBroker() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    @BeforeProperty
    void startOneApp() throws IOException {
        topics = AppInstances.TestTopics.create(kafka, EventHistories.PARTITIONS);
        stateDir = Files.createTempDirectory("any-partition-it");
        applicationId = kafka.uniqueName("any-partition-it");
        // One instance has nowhere to put a standby replica; asking for one only logs a warning per task.
        app = AppInstances.start(kafka, applicationId, topics, stateDir,
                Map.of("NUM_STANDBY_REPLICAS", "0"));
        Map<String, Object> serdeConfig = Map.of("schema.registry.url", kafka.schemaRegistryUrl());
        popProducer = new KafkaProducer<>(kafka.producerProperties(), new StringSerializer(),
                EventSerdes.popCapacity(serdeConfig).serializer());
        partnerProducer = new KafkaProducer<>(kafka.producerProperties(), new StringSerializer(),
                EventSerdes.partnerOnboarding(serdeConfig).serializer());
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> AppInstances.get(app, "/health/ready").status() == 200);
    }

    @AfterProperty
    void stopApp() throws IOException {
        for (AutoCloseable closeable : new AutoCloseable[] {popProducer, partnerProducer, app}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                LOG.warn("closing {} after the property", closeable, e);
            }
        }
        deleteRecursively(stateDir);
    }

    /**
     * Edge cases are off: this generator's are the shortest histories, one event per key, which
     * cannot split a key's state over partitions.
     */
    @Property(tries = 40, shrinking = ShrinkingMode.OFF, afterFailure = AfterFailureMode.RANDOM_SEED,
            edgeCases = EdgeCasesMode.NONE)
    void everyEventOfAKeyCountsOnceWhateverPartitionItArrivesOn(@ForAll("histories") List<Step> history) {
        publishAndAwaitAnswers(history, (step, key) -> step.partition(), Growth.INCLUDED);
    }

    /**
     * The harness and the recomputation on their own: with every key on its murmur2 partition,
     * partitions are not in question, so a failure here is the test's, not the topology's.
     */
    @Property(tries = 5, shrinking = ShrinkingMode.OFF, afterFailure = AfterFailureMode.RANDOM_SEED,
            edgeCases = EdgeCasesMode.NONE)
    void keysOnTheirJavaPartitionAgreeWithTheRecomputation(@ForAll("histories") List<Step> history) {
        publishAndAwaitAnswers(history, (step, key) -> javaPartition(key), Growth.INCLUDED);
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        return EventHistories.histories();
    }

    private void publishAndAwaitAnswers(List<Step> history, ToIntBiFunction<Step, String> partitionOf,
                                        Growth growth) {
        int attempt = ++tries;
        String prefix = "t" + attempt + "-";
        Set<String> popIds = new TreeSet<>();
        Set<String> partnerIds = new TreeSet<>();
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (Step step : history) {
            if (step instanceof PopStep pop) {
                PopCapacityEvent event = pop.event(prefix + "pop-" + pop.key());
                sent.add(popProducer.send(new ProducerRecord<>(topics.popCapacity(),
                        partitionOf.applyAsInt(step, event.getPopId()), event.getPopId(), event)));
                popIds.add(event.getPopId());
                assertThat(expected.apply(event)).as("the recomputation's verdict on %s", event).isEqualTo(pop.valid());
            } else if (step instanceof PartnerStep partner) {
                PartnerOnboardingEvent event = partner.event(prefix + "partner-" + partner.key());
                sent.add(partnerProducer.send(new ProducerRecord<>(topics.partnerOnboarding(),
                        partitionOf.applyAsInt(step, event.getPartnerId()), event.getPartnerId(), event)));
                partnerIds.add(event.getPartnerId());
                assertThat(expected.apply(event)).as("the recomputation's verdict on %s", event)
                        .isEqualTo(partner.valid());
            }
        }
        popProducer.flush();
        partnerProducer.flush();
        sent.forEach(AnyPartitionIT::requireAcknowledged);

        // Every aggregate and list of all tries so far, each city spelling events used (" paris ", "BERLIN")
        // one by one, and this try's PoPs and partners one by one.
        Map<String, Expected> answers = expected.answers(growth, popIds, partnerIds);
        long start = System.nanoTime();
        await().atMost(CONVERGENCE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            assertThat(NaiveAnswers.differences(answers, route -> AppInstances.get(app, route)))
                    .as("try %d (keys %s*, %d events): the app's answers that differ from the recomputation",
                            attempt, prefix, history.size())
                    .isEmpty();
            // Answers can agree before the app has read a try whose events change no figure in the end.
            assertThat(unconsumedInputRecords()).as("try %d: input records the app has not committed yet", attempt)
                    .isZero();
        });
        LOG.info("try {}: {} events, {} routes agree after {} ms", attempt, history.size(), answers.size(),
                (System.nanoTime() - start) / 1_000_000);
    }

    private long unconsumedInputRecords() throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        for (String topic : List.of(topics.popCapacity(), topics.partnerOnboarding())) {
            for (int partition = 0; partition < EventHistories.PARTITIONS; partition++) {
                ends.put(new TopicPartition(topic, partition), OffsetSpec.latest());
            }
        }
        Admin admin = kafka.adminClient();
        var latest = admin.listOffsets(ends).all().get();
        var committed = admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();
        return latest.entrySet().stream().mapToLong(end -> end.getValue().offset()
                - Optional.ofNullable(committed.get(end.getKey())).map(OffsetAndMetadata::offset).orElse(0L)).sum();
    }

    /** The partition Java's default partitioner, and the app's own key lookups, choose for a key. */
    private static int javaPartition(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % EventHistories.PARTITIONS;
    }

    private static void requireAcknowledged(Future<RecordMetadata> send) {
        try {
            send.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the broker refused a generated event", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException("deleting " + path, e);
                }
            });
        }
    }
}
