package com.cmobile.ecosystem.app.it.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import com.cmobile.ecosystem.app.EcosystemApp;
import com.cmobile.ecosystem.app.query.KeyRange;
import com.cmobile.ecosystem.app.query.LocalReader;
import com.cmobile.ecosystem.app.topology.StoreNames;
import com.cmobile.ecosystem.events.PopAction;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.testkit.EmbeddedKafka;
import com.cmobile.ecosystem.testkit.EmbeddedKafkaExtension;
import com.cmobile.ecosystem.serde.EventSerdes;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reproduces KAFKA-19629 on the app's own query path: one real instance (in-memory stores,
 * exactly_once_v2, as the local run that froze) ingests 5,000 PoP events a second while several
 * threads call its {@link LocalReader} in tight loops, with no HTTP in between to slow them down.
 * The test fails as soon as the JVM reports a deadlock, and otherwise requires the stream thread to
 * keep committing until the end.
 *
 * <p>Why these stores: on Kafka Streams 4.4.0 an interactive query v2 on an in-memory key-value
 * store holds the store's {@code Position} monitor while it takes the store's own monitor, and the
 * stream thread's put holds the store monitor while it takes the {@code Position} monitor. The
 * pop-state store has no record cache, so every event is such a put, and both the key look-ups and
 * the range scans of the v2 query path closed that cycle on it (6 runs of 6 against the v2
 * StreamsLocalReader, after 1.1 to 4.3 s of load). The capacity aggregates are scanned too because the
 * list routes read them and each commit flushes a burst of puts into them.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class QueryLockOrderIT {

    /** Several times what the v2 query path needed to deadlock here (at most 4.3 s in 6 runs). */
    private static final Duration LOAD = Duration.ofSeconds(20);
    /** Commits are every 100 ms: this long without one means a stuck stream thread, not a slow one. */
    private static final Duration LONGEST_STALL = Duration.ofSeconds(5);
    private static final int QUERY_THREADS = 4;
    /** Few partitions, so each store instance takes many writes and queries. */
    private static final int PARTITIONS = 2;
    private static final int POPS = 20_000;
    private static final int EVENTS_PER_SECOND = 5_000;

    @Test
    void queriesOfTheBusiestStoresDuringIngestionDoNotDeadlockTheStreamThread(EmbeddedKafka kafka,
                                                                               @TempDir Path stateDir) throws Exception {
        AppInstances.TestTopics topics = AppInstances.TestTopics.create(kafka, PARTITIONS);
        String applicationId = kafka.uniqueName("lock-order");
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> load = new ArrayList<>();
        AtomicReference<Throwable> loadFailure = new AtomicReference<>();
        AtomicLong sent = new AtomicLong();
        AtomicLong queries = new AtomicLong();
        EcosystemApp app = AppInstances.start(kafka, applicationId, topics, stateDir,
                Map.of("STATE_STORES", "in-memory", "PROCESSING_GUARANTEE", "exactly_once_v2"));
        boolean deadlocked = false;
        Admin admin = kafka.adminClient(); // the kit's shared client: not ours to close
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> app.streams().state() == KafkaStreams.State.RUNNING);
            load.add(daemon("lock-order-producer", loadFailure, () -> publish(kafka, topics, stop, sent)));
            for (int i = 0; i < QUERY_THREADS; i++) {
                int seed = i;
                load.add(daemon("lock-order-query-" + i, loadFailure,
                        () -> query(app.localStores(), new Random(seed), stop, queries)));
            }
            load.forEach(Thread::start);

            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long began = System.nanoTime();
            long ends = began + LOAD.toNanos();
            long lastCommitted = -1;
            long lastAdvance = began;
            long nextOffsetCheck = began;
            while (System.nanoTime() < ends) {
                long[] ids = threads.findDeadlockedThreads();
                if (ids != null) {
                    deadlocked = true;
                    fail("JVM deadlock after %d ms of load (%d events sent, %d queries):%n%s",
                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began), sent.get(), queries.get(),
                            stacks(threads, ids));
                }
                assertThat(loadFailure.get()).as("a load thread failed").isNull();
                long now = System.nanoTime();
                if (now >= nextOffsetCheck) {
                    long committed = committed(admin, applicationId, topics);
                    if (committed != lastCommitted) {
                        lastCommitted = committed;
                        lastAdvance = now;
                    }
                    assertThat(Duration.ofNanos(now - lastAdvance))
                            .as("time since the committed input offsets (%d) last moved", lastCommitted)
                            .isLessThan(LONGEST_STALL);
                    nextOffsetCheck = now + TimeUnit.SECONDS.toNanos(1);
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
            System.out.printf("QueryLockOrderIT: %d events sent, %d queries, %d input offsets committed in %s%n",
                    sent.get(), queries.get(), lastCommitted, LOAD);
            assertThat(queries.get()).as("queries made").isPositive();
            assertThat(lastCommitted).as("input offsets committed").isPositive();
        } finally {
            stop.set(true);
            // A deadlocked stream thread cannot be stopped: then close in the background and leave
            // it behind (all threads here are daemons or Kafka's own), so the run fails fast.
            Thread closer = new Thread(app::close, "lock-order-close");
            closer.setDaemon(true);
            closer.start();
            closer.join(deadlocked ? 1_000 : 60_000);
        }
    }

    /** Sends PoP events about {@link #EVENTS_PER_SECOND} a second, over many PoPs, cities and countries. */
    private static void publish(EmbeddedKafka kafka, AppInstances.TestTopics topics, AtomicBoolean stop,
                                AtomicLong sent) throws Exception {
        Map<String, Object> properties = kafka.producerProperties();
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        String[] countries = Locale.getISOCountries();
        Random random = new Random(42);
        Instant start = Instant.now().minus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        long began = System.nanoTime();
        try (var producer = new KafkaProducer<>(properties, new StringSerializer(),
                EventSerdes.popCapacity(Map.of("schema.registry.url", kafka.schemaRegistryUrl())).serializer())) {
            for (long n = 0; !stop.get(); n++) {
                String country = countries[random.nextInt(countries.length)];
                PopCapacityEvent event = PopCapacityEvent.newBuilder()
                        .setEventId(UUID.randomUUID()).setPopId("pop-" + random.nextInt(POPS))
                        .setAction(random.nextInt(10) == 0 ? PopAction.DECOMMISSIONED : PopAction.CAPACITY_CHANGED)
                        .setCity("City " + random.nextInt(5)).setCountry(country).setBusinessLocation("CM " + country)
                        .setCapacityMbps(1 + random.nextInt(1000))
                        // Later and later, but well before now, so none is refused as from the future.
                        .setOccurredAt(start.plusMillis(n / 10)).setSource("lock-order-it").build();
                producer.send(new ProducerRecord<>(topics.popCapacity(), event.getPopId(), event));
                sent.incrementAndGet();
                long early = began + (n + 1) * TimeUnit.SECONDS.toNanos(1) / EVENTS_PER_SECOND - System.nanoTime();
                if (early > 0) {
                    TimeUnit.NANOSECONDS.sleep(early);
                }
            }
        }
    }

    /** What the list and detail routes ask of the local stores, in a tight loop. */
    private static void query(LocalReader reader, Random random, AtomicBoolean stop, AtomicLong queries) {
        for (int n = 0; !stop.get(); n++) {
            switch (n % 4) {
                case 0 -> reader.get(StoreNames.POP_STATE, "pop-" + random.nextInt(POPS), false);
                case 1 -> reader.range(StoreNames.POP_STATE, KeyRange.ALL, Optional.empty(), 20, false);
                case 2 -> reader.range(StoreNames.PROGRAM_COUNTRY_ALLIANCE, KeyRange.ALL, Optional.empty(), 20, false);
                default -> reader.range(StoreNames.CITY_CAPACITY, KeyRange.ALL, Optional.empty(), 20, false);
            }
            queries.incrementAndGet();
        }
    }

    private interface Body {
        void run() throws Exception;
    }

    /** Daemon, so that a load thread caught in the deadlock cannot keep the test JVM alive. */
    private static Thread daemon(String name, AtomicReference<Throwable> failure, Body body) {
        Thread thread = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        }, name);
        thread.setDaemon(true);
        return thread;
    }

    /** Full stacks with held and awaited locks ({@link ThreadInfo#toString()} cuts them at 8 frames). */
    private static String stacks(ThreadMXBean threads, long[] ids) {
        StringBuilder out = new StringBuilder();
        for (ThreadInfo info : threads.getThreadInfo(ids, true, true)) {
            out.append('"').append(info.getThreadName()).append("\" ").append(info.getThreadState())
                    .append(" waiting for ").append(info.getLockName())
                    .append(" held by \"").append(info.getLockOwnerName()).append("\"\n");
            StackTraceElement[] frames = info.getStackTrace();
            for (int i = 0; i < frames.length; i++) {
                out.append("\tat ").append(frames[i]).append('\n');
                for (var monitor : info.getLockedMonitors()) {
                    if (monitor.getLockedStackDepth() == i) {
                        out.append("\t- locked ").append(monitor).append('\n');
                    }
                }
            }
            for (var synchronizer : info.getLockedSynchronizers()) {
                out.append("\t- holds ").append(synchronizer).append('\n');
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** Sum of the app's committed offsets on the PoP topic: how many input records it is done with. */
    private static long committed(Admin admin, String applicationId, AppInstances.TestTopics topics) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(applicationId)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        return offsets.entrySet().stream()
                .filter(e -> e.getKey().topic().equals(topics.popCapacity()) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset()).sum();
    }
}
