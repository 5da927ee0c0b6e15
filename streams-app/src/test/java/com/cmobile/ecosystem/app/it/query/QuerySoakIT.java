package com.cmobile.ecosystem.app.it.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cmobile.ecosystem.app.EcosystemApp;
import com.cmobile.ecosystem.app.oracle.AcrossInstances;
import com.cmobile.ecosystem.app.oracle.Expected;
import com.cmobile.ecosystem.app.oracle.HttpAnswer;
import com.cmobile.ecosystem.app.oracle.NaiveAnswers;
import com.cmobile.ecosystem.events.OnboardingAction;
import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import com.cmobile.ecosystem.events.PartnerRole;
import com.cmobile.ecosystem.events.PopAction;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.events.Program;
import com.cmobile.ecosystem.testkit.EmbeddedKafka;
import com.cmobile.ecosystem.testkit.EmbeddedKafkaExtension;
import com.cmobile.ecosystem.serde.EventSerdes;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two instances of the real application, for each kind of state store, answer every route while
 * events pour in: no JVM deadlock appears, the app's committed input offsets keep advancing, and at
 * the end the aggregates equal a recomputation from the events sent.
 *
 * <p>Every route through HTTP, as users mix them; at this pace it did not freeze the stream thread
 * even with the old IQv2 query path (KAFKA-19629): {@link QueryLockOrderIT} aims at that race and
 * reproduces it.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class QuerySoakIT {

    private static final Duration INGESTION = Duration.ofSeconds(20);
    private static final int EVENTS_PER_SECOND = 1500;
    private static final Duration LONGEST_STALL = Duration.ofSeconds(10);
    private static final int QUERY_CLIENTS = 3;
    private static final List<String> CITIES = List.of("FR:Paris", "FR:Lyon", "DE:Berlin", "US:Boston", "SG:Singapore",
            "BR:Recife", "ZA:Durban", "JP:Osaka");
    private static final List<Program> PROGRAMS = List.of(Program.GTI, Program.ISTAR, Program.HAND_IN_HAND,
            Program.ECOSYSTEM_ALLIANCE);
    private static final int POPS = 300;
    private static final int PARTNERS = 200;

    @ParameterizedTest(name = "STATE_STORES={0}")
    @ValueSource(strings = {"in-memory", "rocksdb"})
    void queriesOfEveryRouteDuringIngestionNeitherDeadlockNorStallTheStreamThread(
            String stateStores, EmbeddedKafka kafka, @TempDir Path stateDirs) throws Exception {
        AppInstances.TestTopics topics = AppInstances.TestTopics.create(kafka, 6);
        String applicationId = kafka.uniqueName("soak-" + stateStores);
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<EcosystemApp> apps = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(QUERY_CLIENTS + 1);
        Admin admin = kafka.adminClient();
        try {
            apps.add(AppInstances.start(kafka, applicationId, topics, stateDirs.resolve("first"),
                    Map.of("STATE_STORES", stateStores)));
            apps.add(AppInstances.start(kafka, applicationId, topics, stateDirs.resolve("second"),
                    Map.of("STATE_STORES", stateStores)));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                for (EcosystemApp app : apps) {
                    assertThat(AppInstances.get(app, "/health/ready").status()).isEqualTo(200);
                }
            });
            NaiveAnswers expected = new NaiveAnswers();
            long ingestionEnds = System.nanoTime() + INGESTION.toNanos();
            Future<Long> sent = clients.submit(() -> publish(kafka, topics, run, expected, ingestionEnds));
            QueryLoad load = new QueryLoad(apps, run);
            List<Future<?>> queries = new ArrayList<>();
            for (int i = 0; i < QUERY_CLIENTS; i++) {
                int client = i;
                queries.add(clients.submit(() -> load.run(client, ingestionEnds)));
            }

            Progress progress = new Progress();
            while (System.nanoTime() < ingestionEnds) {
                assertNoDeadlock();
                progress.record(committed(admin, applicationId, topics));
                assertThat(progress.longestStall()).as("longest time without a new committed input offset (%s)",
                        progress).isLessThan(LONGEST_STALL);
                TimeUnit.MILLISECONDS.sleep(500);
            }
            long events = sent.get(30, TimeUnit.SECONDS);
            for (Future<?> query : queries) {
                query.get(30, TimeUnit.SECONDS);
            }
            assertNoDeadlock();
            // The publisher thread alone applied events to it; sent.get() orders those writes before this read.
            // No per-key routes: AnyPartitionIT and MixedPartitionersIT check PoPs and partners one by one,
            // and the lists asked here hold every one of them. Growth is included: one producer per topic
            // keeps each key's events on one partition, in the order they were applied here.
            Map<String, Expected> answers = expected.answers(NaiveAnswers.Growth.INCLUDED, Set.of(), Set.of());

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                assertNoDeadlock();
                assertThat(committed(admin, applicationId, topics)).as("committed input offsets").isEqualTo(events);
                for (EcosystemApp app : apps) {
                    assertThat(NaiveAnswers.differences(answers, route -> AppInstances.get(app, route)))
                            .as("answers of %s that differ from the recomputation", app.instance()).isEmpty();
                }
                // Each instance has a part of the business locations and of the gauges: together, all of them.
                List<Function<String, HttpAnswer>> everyInstance = apps.stream()
                        .<Function<String, HttpAnswer>>map(app -> route -> AppInstances.get(app, route)).toList();
                assertThat(AcrossInstances.differences(expected, everyInstance))
                        .as("business locations and gauges of both instances together").isEmpty();
            });
            assertThat(load.unexpected).as("answers other than 200, 404 or 503").isEmpty();
            assertThat(load.ok.get()).as("queries answered 200 (of %d)", load.total.get()).isPositive();
        } finally {
            clients.shutdownNow();
            apps.forEach(EcosystemApp::close);
        }
    }

    private static void assertNoDeadlock() {
        long[] deadlocked = ManagementFactory.getThreadMXBean().findDeadlockedThreads();
        assertThat(deadlocked).as(() -> "deadlocked threads:\n" + describe(deadlocked)).isNull();
    }

    private static String describe(long[] threadIds) {
        if (threadIds == null) {
            return "";
        }
        return Arrays.stream(ManagementFactory.getThreadMXBean().getThreadInfo(threadIds, true, true))
                .map(ThreadInfo::toString).collect(Collectors.joining("\n"));
    }

    /** Sum of the app's committed offsets on both input topics: how many input records it is done with. */
    private static long committed(Admin admin, String applicationId, AppInstances.TestTopics topics) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(applicationId)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        Set<String> inputs = Set.of(topics.popCapacity(), topics.partnerOnboarding());
        return offsets.entrySet().stream()
                .filter(e -> inputs.contains(e.getKey().topic()) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset()).sum();
    }

    /**
     * Sends events at about {@link #EVENTS_PER_SECOND} until {@code ends}, half PoP, half partner,
     * each later than the one before: no two events of a key tie on occurredAt, so the order in
     * which they are applied to {@code expected} never decides.
     */
    private static long publish(EmbeddedKafka kafka, AppInstances.TestTopics topics, String run,
                                NaiveAnswers expected, long ends) throws Exception {
        Map<String, Object> serdeConfig = Map.of("schema.registry.url", kafka.schemaRegistryUrl());
        Random random = new Random(run.hashCode());
        Instant start = Instant.now().minus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        long sent = 0;
        long began = System.nanoTime();
        try (var pops = new KafkaProducer<>(kafka.producerProperties(), new StringSerializer(),
                EventSerdes.popCapacity(serdeConfig).serializer());
             var partners = new KafkaProducer<>(kafka.producerProperties(), new StringSerializer(),
                     EventSerdes.partnerOnboarding(serdeConfig).serializer())) {
            while (System.nanoTime() < ends) {
                Instant at = start.plusMillis(sent);
                if (sent % 2 == 0) {
                    PopCapacityEvent event = popEvent(random, run, at);
                    expected.apply(event);
                    pops.send(new ProducerRecord<>(topics.popCapacity(), event.getPopId(), event));
                } else {
                    PartnerOnboardingEvent event = partnerEvent(random, run, at);
                    expected.apply(event);
                    partners.send(new ProducerRecord<>(topics.partnerOnboarding(), event.getPartnerId(), event));
                }
                sent++;
                long due = began + sent * TimeUnit.SECONDS.toNanos(1) / EVENTS_PER_SECOND;
                long early = due - System.nanoTime();
                if (early > 0) {
                    TimeUnit.NANOSECONDS.sleep(early);
                }
            }
            pops.flush();
            partners.flush();
        }
        return sent;
    }

    private static PopCapacityEvent popEvent(Random random, String run, Instant at) {
        String[] city = CITIES.get(random.nextInt(CITIES.size())).split(":");
        PopAction action = random.nextInt(5) == 0 ? PopAction.DECOMMISSIONED
                : random.nextBoolean() ? PopAction.COMMISSIONED : PopAction.CAPACITY_CHANGED;
        return PopCapacityEvent.newBuilder()
                .setEventId(UUID.randomUUID()).setPopId(popId(run, random.nextInt(POPS))).setAction(action)
                .setCity(city[1]).setCountry(city[0]).setBusinessLocation("CM " + city[0])
                .setCapacityMbps(1 + random.nextInt(1000)).setOccurredAt(at).setSource("soak-it").build();
    }

    private static PartnerOnboardingEvent partnerEvent(Random random, String run, Instant at) {
        String partnerId = partnerId(run, random.nextInt(PARTNERS));
        OnboardingAction action = random.nextInt(5) == 0 ? OnboardingAction.LEFT
                : random.nextBoolean() ? OnboardingAction.JOINED : OnboardingAction.UPDATED;
        return PartnerOnboardingEvent.newBuilder()
                .setEventId(UUID.randomUUID()).setPartnerId(partnerId).setPartnerName("Org " + partnerId)
                .setProgram(PROGRAMS.get(random.nextInt(PROGRAMS.size())))
                .setRole(random.nextBoolean() ? PartnerRole.MEMBER : PartnerRole.PARTNER).setAction(action)
                .setCountry(CITIES.get(random.nextInt(CITIES.size())).split(":")[0])
                .setSubscribers(1000L).setOccurredAt(at).setSource("soak-it").build();
    }

    private static String popId(String run, int i) {
        return "pop-" + run + "-" + i;
    }

    private static String partnerId(String run, int i) {
        return "partner-" + run + "-" + i;
    }

    /** Client threads asking every route of the route table, alternating instances, until a deadline. */
    private static final class QueryLoad {
        private final List<EcosystemApp> apps;
        private final String run;
        private final AtomicLong total = new AtomicLong();
        private final AtomicLong ok = new AtomicLong();
        private final List<String> unexpected = new CopyOnWriteArrayList<>();

        QueryLoad(List<EcosystemApp> apps, String run) {
            this.apps = apps;
            this.run = run;
        }

        void run(int client, long ends) {
            Random random = new Random(client);
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            List<String> routes = List.of("/api/v1/capacity", "/api/v1/capacity/countries",
                    "/api/v1/capacity/countries?limit=2", "/api/v1/capacity/regions", "/api/v1/capacity/regions/EUROPE",
                    "/api/v1/capacity/countries/FR", "/api/v1/capacity/countries/FR/cities",
                    "/api/v1/capacity/countries/FR/cities/paris", "/api/v1/alliance", "/api/v1/alliance/programs/GTI",
                    "/api/v1/alliance/programs/GTI/regions", "/api/v1/alliance/programs/ISTAR/partners",
                    "/api/v1/alliance/programs/GTI/growth?from=" + today.minusDays(7) + "&to=" + today,
                    "/api/v1/instances", "/health/live", "/health/ready", "/metrics");
            int request = 0;
            while (System.nanoTime() < ends) {
                EcosystemApp app = apps.get(request % apps.size());
                String route = switch (request % 4) {
                    case 0 -> "/api/v1/pops/" + popId(run, random.nextInt(POPS));
                    case 1 -> "/api/v1/partners/" + partnerId(run, random.nextInt(PARTNERS));
                    default -> routes.get(random.nextInt(routes.size()));
                };
                HttpAnswer answer = AppInstances.get(app, route);
                total.incrementAndGet();
                if (answer.status() == 200) {
                    ok.incrementAndGet();
                } else if (answer.status() != 404 && answer.status() != 503) {
                    unexpected.add(route + " on " + app.instance() + ": " + answer.status() + " " + answer.text());
                }
                request++;
            }
        }
    }

    /** When the committed offsets last moved, to tell a slow pipeline from a stuck one. */
    private static final class Progress {
        private long last = -1;
        private long lastChange = System.nanoTime();
        private long longestStallNanos;

        void record(long committed) {
            long now = System.nanoTime();
            if (committed != last || committed <= 0) {
                // Until the first commit the app is still joining and has nothing to be stuck on.
                last = committed;
                lastChange = now;
            }
            longestStallNanos = Math.max(longestStallNanos, now - lastChange);
        }

        Duration longestStall() {
            return Duration.ofNanos(longestStallNanos);
        }

        @Override
        public String toString() {
            return "committed " + last;
        }
    }
}
