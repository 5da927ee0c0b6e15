package com.cmobile.ecosystem.bench;

import com.cmobile.ecosystem.app.oracle.Expected;
import com.cmobile.ecosystem.events.Program;
import com.cmobile.ecosystem.events.Topics;
import com.cmobile.ecosystem.testkit.broker.BrokerSettings;
import com.cmobile.ecosystem.testkit.broker.EmbeddedKafkaBroker;
import com.cmobile.ecosystem.registry.server.SchemaRegistryServer;
import com.cmobile.ecosystem.testkit.topics.EventTopicSettings;
import com.cmobile.ecosystem.testkit.topics.TopicProvisioner;
import com.cmobile.ecosystem.producers.EcosystemPublisher;
import com.cmobile.ecosystem.producers.PublisherConfig;
import com.cmobile.ecosystem.producers.simulator.LoadGenerator;
import com.cmobile.ecosystem.producers.simulator.LoadSimulator;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Measures, in one run on a fresh embedded broker, what a user of the pipeline feels, beside what
 * Kafka Streams and Kafka themselves allow on the same machine. Prints a table, then one
 * {@code BENCH ...} line last (see {@link BenchReport}); what each figure means is in BENCHMARKS.md.
 *
 * <p>Phases: (1) broker, registry, the event topics and the floor's own copies of them; generate
 * and serialize the events (untimed); (2) floor: {@link FloorApp} instances on the floor's topics,
 * every event published, until the group committed the end of every partition; (3) e2e: the app's
 * instances, the same events on the app's topics, until the group committed them all and the app
 * answers the figures recomputed from them; (4) freshness ({@link Freshness}); (5) queries at a fixed
 * offered rate while the load simulator publishes: key lookups local, routed, list pages, each by
 * an open-loop client in its own JVM ({@link OpenLoopClient}); (6) {@code max_key_qps}: the rate
 * search ({@link RateSearch}) over local key lookups on one instance, nothing ingested; (7) peak
 * RSS, stop; (8) ceiling: plain consumers read and decode the app's topics, best of two passes;
 * (9) {@code start_s}: local-run.jar from launch to the seed's figures ({@link StartTime}).
 * Settings: {@link BenchSettings}.
 */
public final class PipelineBenchmark {

    private static final PrintStream PROGRESS = System.err;
    private static final String FLOOR_POP_TOPIC = "floor-" + Topics.POP_CAPACITY;
    private static final String FLOOR_PARTNER_TOPIC = "floor-" + Topics.PARTNER_ONBOARDING;
    /** At most this long for the floor: it takes a fraction of the pipeline's time. */
    private static final Duration FLOOR_TIMEOUT = Duration.ofSeconds(150);
    private static final Duration SETTLE = Duration.ofSeconds(20);
    private static final Duration STEP_WARM_UP = Duration.ofSeconds(1);
    private static final int MAX_STEPS = 10;
    /** Client JVM start and what a step needs besides its recorded part. */
    private static final Duration STEP_OVERHEAD = Duration.ofSeconds(4);
    private static final Duration SHUTDOWN_AND_CEILING = Duration.ofSeconds(45);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final BenchSettings settings;
    /** {@code -Dbench.instances}: app instances (child JVMs), 2 by default (routed lookups need two). */
    private final int instances = Integer.getInteger("bench.instances", 2);
    private final long deadline;
    private final BenchReport report = new BenchReport();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private PipelineBenchmark(BenchSettings settings) {
        this.settings = settings;
        this.deadline = System.nanoTime() + settings.budget().toNanos();
    }

    public static void main(String[] args) throws Exception {
        var settings = BenchSettings.fromSystemProperties();
        var benchmark = new PipelineBenchmark(settings);
        int status = 0;
        try {
            benchmark.run();
        } catch (Exception e) {
            benchmark.report.warn("run failed: " + e);
            e.printStackTrace(PROGRESS);
            status = 1;
        }
        benchmark.report.print(System.out);
        // Client threads (HTTP, Kafka) may linger; the figures are out, so leave now.
        System.exit(status);
    }

    private void run() throws Exception {
        if (instances < 2) {
            throw new IllegalArgumentException("bench.instances must be at least 2 (routed lookups are forwarded to"
                    + " a second instance), not " + instances);
        }
        progress("settings: " + settings.describe());
        report.row("settings", settings.describe());
        Path work = Files.createTempDirectory("pipeline-bench-");
        try {
            runIn(work);
            optional("start_s", () -> measureStart(work));
        } finally {
            if (Boolean.getBoolean("bench.keepWork")) {
                progress("kept the work directory " + work);
            } else {
                deleteRecursively(work);
            }
        }
    }

    private void runIn(Path work) throws Exception {
        long brokerStart = System.nanoTime();
        try (var broker = EmbeddedKafkaBroker.start(BrokerSettings.defaults().withDataDirectory(work.resolve("broker")));
             var registry = SchemaRegistryServer.start(broker.bootstrapServers(), 0);
             var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            var topicSettings = EventTopicSettings.defaults().withPartitions(settings.partitions());
            var provisioner = new TopicProvisioner(admin);
            provisioner.provisionEventTopics(Topics.DLQ_BY_EVENT_TOPIC, topicSettings);
            if (settings.measuresFloor()) {
                provisioner.provisionEventTopics(Map.of(FLOOR_POP_TOPIC, FLOOR_POP_TOPIC + "-dlq",
                        FLOOR_PARTNER_TOPIC, FLOOR_PARTNER_TOPIC + "-dlq"), topicSettings);
            }
            progress(String.format(Locale.ROOT, "broker, registry and topics up in %.1f s", seconds(brokerStart)));

            // The floor's instances start while the events are generated (neither is timed).
            String floorId = "floor-" + UUID.randomUUID().toString().substring(0, 8);
            List<AppProcess> floors = new ArrayList<>();
            if (settings.measuresFloor()) {
                for (int i = 1; i <= instances; i++) {
                    var env = appEnvironment(broker, registry, floorId, work.resolve("floor-state-" + i));
                    env.put("FLOOR_KIND", settings.floorKind());
                    env.put("POP_CAPACITY_TOPIC", FLOOR_POP_TOPIC);
                    env.put("PARTNER_ONBOARDING_TOPIC", FLOOR_PARTNER_TOPIC);
                    floors.add(AppProcess.start("floor-" + i, FloorApp.class.getName(), work, env, settings.appHeap(),
                            appJvmArgs(work, i)));
                }
            }
            long generateStart = System.nanoTime();
            var events = GeneratedEvents.generate(settings, registry.url());
            report.row("generated (untimed)", String.format(Locale.ROOT,
                    "%,d events (%,d PoP, %,d partner), %,d bytes serialized, in %.1f s", events.size(), events.pops,
                    events.size() - events.pops, events.bytes(), seconds(generateStart)));
            var totals = events.expected.totals();
            report.row("expected aggregates", totals.get("/api/v1/capacity").body() + ", organisations "
                    + totals.get("/api/v1/alliance").body().path("organisations"));
            progress("generated " + events.size() + " events in " + String.format(Locale.ROOT, "%.1f s",
                    seconds(generateStart)));
            report.events = events.size();

            if (settings.measuresFloor()) {
                try {
                    AppGroup.awaitStable(admin, floorId, instances * settings.streamThreads(),
                            remaining(Duration.ofSeconds(90)));
                    progress("floor instances ready: " + floors.stream().map(a -> a.name() + " pid " + a.pid()).toList());
                    report.floorEventsPerSecond = publishAndAwait(broker, registry, admin, floorId, events, floors,
                            true, remaining(FLOOR_TIMEOUT)).eventsPerSecond();
                } catch (Exception e) {
                    for (AppProcess floor : floors) {
                        progress("last lines of " + floor.name() + ":" + System.lineSeparator() + floor.logTail(40));
                    }
                    throw e;
                } finally {
                    floors.forEach(AppProcess::close);
                }
            }

            String applicationId = "bench-" + UUID.randomUUID().toString().substring(0, 8);
            List<AppProcess> apps = new ArrayList<>();
            try {
                for (int i = 1; i <= instances; i++) {
                    apps.add(AppProcess.start("app-" + i, AppProcess.MAIN_CLASS, work,
                            appEnvironment(broker, registry, applicationId, work.resolve("state-" + i)),
                            settings.appHeap(), appJvmArgs(work, i)));
                }
                for (AppProcess app : apps) {
                    app.awaitReady(http, remaining(Duration.ofSeconds(Long.getLong("bench.readySeconds", 90))));
                }
                AppGroup.awaitStable(admin, applicationId, instances * settings.streamThreads(),
                        remaining(Duration.ofSeconds(60)));
                progress("app instances ready: " + apps.stream().map(a -> a.name() + " pid " + a.pid()).toList());

                // Leave time for the later phases, whatever the pipeline does.
                Duration timeout = remaining(Duration.ofDays(1)).minus(reserve());
                timeout = timeout.compareTo(settings.pipelineTimeout()) < 0 ? timeout : settings.pipelineTimeout();
                var e2e = publishAndAwait(broker, registry, admin, applicationId, events, apps, false,
                        timeout.isNegative() ? Duration.ZERO : timeout);
                report.e2eEventsPerSecond = e2e.eventsPerSecond();
                var publisherConfig = new PublisherConfig(broker.bootstrapServers(), registry.url(), Map.of());
                try (var publisher = EcosystemPublisher.create(publisherConfig)) {
                    if (e2e.done()) {
                        optional("freshness", () -> measureFreshness(publisher, apps));
                    } else {
                        report.warn("freshness not measured: the pipeline had not caught up, so the figures it polls"
                                + " were still moving");
                    }
                    List<QueryLoad.Key> keys = discoverKeys(apps);
                    optional("queries", () -> measureQueries(publisher, apps, keys, work));
                    optional("max_key_qps", () -> measureMaxKeyRate(apps, keys, work));
                }
                report.row("rebalances during the run", rebalances(apps)
                        + " (ecosystem_streams_rebalances_total over the instances; no instance failed, so any"
                        + " is a false alarm: a session timeout tripped by load, GC or commits)");
            } catch (Exception e) {
                // The work directory goes away with the run: show what the instances said first.
                for (AppProcess app : apps) {
                    progress("last lines of " + app.name() + ":" + System.lineSeparator() + app.logTail(40));
                }
                throw e;
            } finally {
                long peak = -1;
                for (AppProcess app : apps) {
                    Optional<Long> rss = app.peakRssMb();
                    report.row("peak RSS " + app.name(), rss.map(mb -> String.format(Locale.ROOT,
                            "%,d MB (VmHWM, -Xmx%s)", mb, settings.appHeap())).orElse("unknown (no /proc)"));
                    peak = Math.max(peak, rss.orElse(-1L));
                }
                report.rssMb = peak;
                apps.forEach(AppProcess::close);
            }
            report.row("dead-lettered", dlqRecords(admin) + " records");
            measureCeiling(broker, registry);
        }
    }

    // ---- phases ----------------------------------------------------------------------------

    /** A phase whose failure leaves its figures NA, with a warning, and lets the others run. */
    private interface Phase {
        void run() throws Exception;
    }

    private void optional(String name, Phase phase) throws InterruptedException {
        try {
            phase.run();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            report.warn(name + " not measured: " + e);
            e.printStackTrace(PROGRESS);
        }
    }

    /** What the phases after the pipeline's e2e need at most. */
    private Duration reserve() {
        Duration fresh = settings.freshDuration().plus(SETTLE);
        Duration queries = settings.queryWarmUp().plus(settings.queryDuration()).plus(STEP_OVERHEAD).multipliedBy(3)
                .plus(jvmWarmUpLength());
        Duration steps = settings.stepDuration().plus(STEP_WARM_UP).plus(STEP_OVERHEAD).multipliedBy(MAX_STEPS);
        return fresh.plus(queries).plus(steps).plus(SHUTDOWN_AND_CEILING).plus(START_TIMEOUT);
    }

    /** Events per second from the first send until done, or the committed input rate when not done. */
    private record Throughput(double eventsPerSecond, boolean done) {
    }

    /**
     * Publishes every event to the topics {@code apps} read and waits until their group committed the
     * end of every input partition and, for the app, answers the recomputed figures. Returns the
     * events per second from the first send until then; when that does not happen within
     * {@code timeout}, the rate of committed input offsets instead, with a warning.
     */
    private Throughput publishAndAwait(EmbeddedKafkaBroker broker, SchemaRegistryServer registry, Admin admin,
                                   String applicationId, GeneratedEvents events, List<AppProcess> apps, boolean floor,
                                   Duration timeout) throws Exception {
        String label = floor ? "floor (" + settings.floorKind() + ")" : "e2e pipeline";
        String popTopic = floor ? FLOOR_POP_TOPIC : Topics.POP_CAPACITY;
        String partnerTopic = floor ? FLOOR_PARTNER_TOPIC : Topics.PARTNER_ONBOARDING;
        progress(label + ": publishing " + events.size() + " events");
        double cpuBefore = cpuSeconds(apps);
        double brokerCpuBefore = processCpuSeconds();
        long start = System.nanoTime();
        var publisherConfig = new PublisherConfig(broker.bootstrapServers(), registry.url(), Map.of());
        try (var producer = new KafkaProducer<>(publisherConfig.producerProperties(), new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < events.size(); i++) {
                String topic = events.pop[i] ? popTopic : partnerTopic;
                producer.send(new ProducerRecord<>(topic, null, events.timestamps[i], events.keys[i], events.values[i]));
            }
            producer.flush();
        }
        double publishSeconds = seconds(start);
        report.row("publish, " + label, BenchReport.rate(events.size(), publishSeconds)
                + " (project publisher settings: lz4, acks=all, idempotent)");

        var progress = new PipelineProgress(admin, applicationId, endOffsets(admin, List.of(popTopic, partnerTopic)),
                apps.get(0), http);
        long until = System.nanoTime() + timeout.toNanos();
        boolean done = false;
        long lastReport = System.nanoTime();
        Map<String, Expected> expected = events.expected.totals();
        List<String> differences = List.of();
        long committed = 0;
        while (System.nanoTime() < until) {
            committed = progress.committed();
            if (committed >= progress.inputEvents()) {
                if (floor) {
                    // The floor keeps no figures: having committed every input offset is all it does.
                    done = true;
                    break;
                }
                differences = progress.differences(expected);
                if (differences.isEmpty()) {
                    done = true;
                    break;
                }
            }
            if (System.nanoTime() - lastReport > TimeUnit.SECONDS.toNanos(5)) {
                progress(String.format(Locale.ROOT, "%s: %,d of %,d input events committed after %.0f s", label,
                        committed, progress.inputEvents(), seconds(start)));
                lastReport = System.nanoTime();
            }
            Thread.sleep(50);
        }
        double e2eSeconds = seconds(start);
        double appCpu = cpuSeconds(apps) - cpuBefore;
        double brokerCpu = processCpuSeconds() - brokerCpuBefore;
        // Per event the instances got through: all of them, or the committed ones when not done.
        long through = done ? events.size() : Math.max(1, committed);
        report.row("CPU, " + label, String.format(Locale.ROOT,
                "instances %.1f CPU-s (%.0f us per event processed), broker+publisher+harness JVM %.1f CPU-s, in %.1f s wall",
                appCpu, appCpu * 1e6 / through, brokerCpu, e2eSeconds));
        progress(String.format(Locale.ROOT, "%s: %s after %.1f s", label, done ? "done" : "NOT done", e2eSeconds));
        if (done) {
            report.row(label, BenchReport.rate(events.size(), e2eSeconds) + String.format(Locale.ROOT,
                    " (exactly_once_v2, %d instances x %d stream thread(s); %s)", instances, settings.streamThreads(),
                    floor ? "first send to last input offset committed" : "first send to last aggregate"));
            return new Throughput(events.size() / e2eSeconds, true);
        }
        // Not done in time: the committed rate, which overstates progress at most by what the upper
        // aggregates had still to catch up.
        report.row(label, String.format(Locale.ROOT, "NOT DONE in %.0f s: %,d of %,d committed", e2eSeconds,
                committed, events.size()));
        report.warn(label + " did not get through every event within " + timeout.toSeconds() + " s; its rate is the"
                + " committed input rate." + (floor ? "" : " Its last answers that differed from the recomputation: "
                + differences));
        return new Throughput(committed / e2eSeconds, false);
    }

    private void measureFreshness(EcosystemPublisher publisher, List<AppProcess> apps) throws Exception {
        if (remaining(Duration.ofDays(1)).compareTo(settings.freshDuration().plus(SETTLE).plus(SETTLE)) < 0) {
            report.warn("not enough of the time budget left for the freshness probe; skipped");
            return;
        }
        progress("freshness: " + settings.freshRate() + " sends/s for " + settings.freshDuration().toSeconds() + " s");
        var result = new Freshness(publisher, apps.get(0).server(), Program.ECOSYSTEM_ALLIANCE).run(
                settings.freshRate(), settings.freshDuration(), settings.freshPoll(), SETTLE);
        report.fresh = result.all();
        report.row("fresh: /api/v1/capacity", BenchReport.latency(result.capacity()));
        report.row("fresh: program figure", BenchReport.latency(result.program()));
        report.row("fresh: probe", String.format(Locale.ROOT, "%,d sends at %d/s (PoP capacity and membership"
                        + " subscribers alternating), %,d not reflected within %d s; %,d polls of %s every %d ms"
                        + " (poll latency p50 %.2f p99 %.2f ms): resolution about %d ms plus one poll",
                result.sent(), settings.freshRate(), result.unreflected(), SETTLE.toSeconds(), result.polls(),
                apps.get(0).name(), settings.freshPoll().toMillis(), result.pollMicros().getValueAtPercentile(50) / 1000.0,
                result.pollMicros().getValueAtPercentile(99) / 1000.0, settings.freshPoll().toMillis()));
        if (result.unreflected() > 0) {
            report.warn(result.unreflected() + " freshness probe sends were never reflected; fresh_* leaves them out");
        }
    }

    /** 800 random key paths asked once to learn their owners; those no instance has are left out. */
    private List<QueryLoad.Key> discoverKeys(List<AppProcess> apps) throws Exception {
        var random = new Random(settings.seed());
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            paths.add(String.format(Locale.ROOT, "/api/v1/pops/load-pop-%05d", random.nextInt(settings.popKeys())));
            paths.add(String.format(Locale.ROOT, "/api/v1/partners/load-partner-%05d",
                    random.nextInt(settings.partnerKeys())));
        }
        var keys = QueryLoad.discoverOwners(apps, paths, http);
        Map<Integer, Long> owners = new HashMap<>();
        keys.forEach(k -> owners.merge(k.owner(), 1L, Long::sum));
        progress("queries: " + keys.size() + " keys found, by owner " + owners);
        return keys;
    }

    private void measureQueries(EcosystemPublisher publisher, List<AppProcess> apps, List<QueryLoad.Key> keys,
                                Path work) throws Exception {
        Duration phase = settings.queryWarmUp().plus(settings.queryDuration()).plus(STEP_OVERHEAD);
        Duration jvmWarmUp = jvmWarmUpLength();
        if (remaining(Duration.ofDays(1)).compareTo(phase.multipliedBy(3).plus(jvmWarmUp).plus(SHUTDOWN_AND_CEILING)) < 0) {
            report.warn("not enough of the time budget left for the query phases; skipped");
            return;
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException("no key with a known owner to query");
        }
        List<String> servers = apps.stream().map(AppProcess::server).toList();
        var simulator = new LoadSimulator(publisher,
                new LoadGenerator(settings.seed() + 1, settings.popKeys(), settings.partnerKeys()), Clock.systemUTC());
        record Kind(String name, List<OpenLoopClient.Target> targets) {
        }
        if (!jvmWarmUp.isZero()) {
            warmUpJvms(simulator, apps, servers, keys, work, jvmWarmUp);
        }
        for (var p : List.of(new Kind("key", QueryLoad.local(servers, keys)),
                new Kind("routed", QueryLoad.routed(servers, keys)), new Kind("list", QueryLoad.list(servers)))) {
            var load = CompletableFuture.supplyAsync(() -> simulator.run(settings.loadRate(), phase));
            var step = new OpenLoopClient.Step(settings.queryRate(), settings.queryWarmUp(), settings.queryDuration(),
                    settings.clientConnections(), settings.seed(), p.targets());
            progress("queries: " + p.name() + " at " + settings.queryRate() + "/s offered");
            List<JvmOverhead> gcBefore = jvmOverhead(apps);
            var result = OpenLoopClient.run(step, work, "query-" + p.name(), clientCpu());
            List<JvmOverhead> gcAfter = jvmOverhead(apps);
            var summary = load.get(phase.toSeconds() + 60, TimeUnit.SECONDS);
            var kind = result.kinds().get(p.name());
            switch (p.name()) {
                case "key" -> report.keyLookups = kind.micros();
                case "routed" -> report.routedLookups = kind.micros();
                default -> report.listPages = kind.micros();
            }
            report.row("query: " + p.name() + " at " + settings.queryRate() + "/s", BenchReport.latency(kind.micros()));
            report.row("  client, load", String.format(Locale.ROOT,
                    "%,d failed %s, %,d answered by another instance than expected; client %.2f CPU-s (%.0f us per"
                            + " request, %s); load simulator %,d events at %,d/s (%,d acknowledged)%s",
                    kind.failed(), result.failuresByStatus().isEmpty() ? "" : result.failuresByStatus(),
                    kind.servedElsewhere(), result.cpuSeconds(), result.cpuMicrosPerRequest(), pinning(),
                    summary.sent(), settings.loadRate(), summary.acknowledged(),
                    summary.failure().map(f -> ", FAILED: " + f).orElse("")));
            report.row("  JVM (warm-up included)", gcDuring(apps, gcBefore, gcAfter));
        }
    }

    /** How long the JVM warm-up before the query phases takes, its step's overhead included; zero when skipped. */
    private Duration jvmWarmUpLength() {
        return settings.jvmWarmUp().isZero() ? Duration.ZERO : settings.jvmWarmUp().plus(STEP_OVERHEAD);
    }

    /**
     * All three query kinds at once, at the phases' rate and during the same ingestion, recorded by
     * nobody: the instances' JIT compiles the query paths here rather than during the phases. The
     * table keeps what it cost them.
     */
    private void warmUpJvms(LoadSimulator simulator, List<AppProcess> apps, List<String> servers,
                            List<QueryLoad.Key> keys, Path work, Duration length) throws Exception {
        List<OpenLoopClient.Target> local = QueryLoad.local(servers, keys);
        List<OpenLoopClient.Target> mixed = new ArrayList<>(local);
        mixed.addAll(QueryLoad.routed(servers, keys));
        // As many list requests as key requests of each kind: the list has two targets.
        List<OpenLoopClient.Target> lists = QueryLoad.list(servers);
        for (int i = 0; i < Math.max(1, local.size() / lists.size()); i++) {
            mixed.addAll(lists);
        }
        var load = CompletableFuture.supplyAsync(() -> simulator.run(settings.loadRate(), length));
        progress("queries: JVM warm-up, all three kinds at " + settings.queryRate() + "/s for "
                + settings.jvmWarmUp().toSeconds() + " s");
        List<JvmOverhead> before = jvmOverhead(apps);
        var step = new OpenLoopClient.Step(settings.queryRate(), settings.jvmWarmUp(), Duration.ofSeconds(1),
                settings.clientConnections(), settings.seed(), mixed);
        OpenLoopClient.run(step, work, "query-jvm-warm-up", clientCpu());
        List<JvmOverhead> after = jvmOverhead(apps);
        load.get(length.toSeconds() + 60, TimeUnit.SECONDS);
        report.row("query: JVM warm-up", String.format(Locale.ROOT, "%d s of the three kinds together at %,d/s"
                + " during %,d events/s, not recorded", settings.jvmWarmUp().toSeconds(), settings.queryRate(),
                settings.loadRate()));
        report.row("  JVM", gcDuring(apps, before, after));
    }

    /** Each instance's collector pauses so far; empty when one cannot be read. */
    private List<JvmOverhead> jvmOverhead(List<AppProcess> apps) throws InterruptedException {
        List<JvmOverhead> pauses = new ArrayList<>();
        for (AppProcess app : apps) {
            try {
                pauses.add(app.jvmOverhead(http));
            } catch (IOException e) {
                return List.of();
            }
        }
        return pauses;
    }

    private static String gcDuring(List<AppProcess> apps, List<JvmOverhead> before, List<JvmOverhead> after) {
        if (before.size() != apps.size() || after.size() != apps.size()) {
            return "unknown (an instance's /metrics did not answer)";
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < apps.size(); i++) {
            parts.add(apps.get(i).name() + " " + after.get(i).minus(before.get(i)).describe());
        }
        return String.join("; ", parts);
    }

    private void measureMaxKeyRate(List<AppProcess> apps, List<QueryLoad.Key> keys, Path work) throws Exception {
        List<String> servers = apps.stream().map(AppProcess::server).toList();
        var targets = QueryLoad.localOn(servers, keys, 0);
        if (targets.isEmpty()) {
            report.warn("max_key_qps not measured: no key of " + apps.get(0).name() + " known");
            return;
        }
        var search = new RateSearch(1_000, 64_000, 0.05, MAX_STEPS);
        Duration step = settings.stepDuration().plus(STEP_WARM_UP).plus(STEP_OVERHEAD);
        List<String> steps = new ArrayList<>();
        for (var rate = search.next(); rate.isPresent(); rate = search.next()) {
            if (remaining(Duration.ofDays(1)).compareTo(step.plus(SHUTDOWN_AND_CEILING).plus(START_TIMEOUT)) < 0) {
                report.warn("the max_key_qps search was cut short by the time budget");
                break;
            }
            var result = OpenLoopClient.run(new OpenLoopClient.Step(rate.getAsInt(), STEP_WARM_UP,
                    settings.stepDuration(), settings.clientConnections(), settings.seed(), targets), work,
                    "max-key-" + rate.getAsInt(), clientCpu());
            var kind = result.kinds().get("key");
            double p99 = kind.micros().getValueAtPercentile(99) / 1000.0;
            boolean passed = kind.failed() == 0 && kind.answered() > 0 && p99 <= settings.maxP99().toMillis();
            search.record(rate.getAsInt(), passed);
            steps.add(String.format(Locale.ROOT, "%,d/s p99 %.2f ms%s %s", rate.getAsInt(), p99,
                    kind.failed() > 0 ? " (" + kind.failed() + " failed)" : "", passed ? "ok" : "over"));
            progress("max_key_qps: " + steps.get(steps.size() - 1) + String.format(Locale.ROOT,
                    ", client %.0f us CPU per request", result.cpuMicrosPerRequest()));
        }
        report.maxKeyQps = search.best();
        report.row("max key lookups", String.format(Locale.ROOT, "%,d/s with p99 <= %d ms on %s (%d keys it owns,"
                        + " nothing ingested, open loop, %d s per step, %s)%s: %s", search.best(),
                settings.maxP99().toMillis(), apps.get(0).name(), targets.size(), settings.stepDuration().toSeconds(),
                pinning(), search.reachedMax() ? " (the search's cap: may be higher)" : "", String.join("; ", steps)));
    }

    private void measureStart(Path work) throws Exception {
        Path jar = Path.of(settings.localRunJar());
        if (!Files.isRegularFile(jar)) {
            report.row("start", "NA: " + jar.toAbsolutePath() + " is not built (mvn -q -Dmaven.test.skip=true package)");
            return;
        }
        Duration timeout = remaining(START_TIMEOUT);
        if (timeout.compareTo(Duration.ofSeconds(30)) < 0) {
            report.warn("not enough of the time budget left to measure start_s; skipped");
            return;
        }
        progress("start: " + jar + " --fresh");
        report.startSeconds = StartTime.measure(jar, work, timeout);
        report.row("start", String.format(Locale.ROOT, "%.1f s from launching java -XX:TieredStopAtLevel=1 -jar %s"
                + " --fresh to the seed's figures on /api/v1/capacity (polled every 50 ms)", report.startSeconds, jar));
    }

    private void measureCeiling(EmbeddedKafkaBroker broker, SchemaRegistryServer registry) throws Exception {
        int consumers = instances * settings.streamThreads();
        var ceiling = new CeilingConsumer(broker.bootstrapServers(), registry.url(), consumers);
        CeilingConsumer.Pass best = null;
        double bestCpuPerEvent = 0;
        for (int pass = 1; pass <= 2; pass++) {
            double cpuBefore = processCpuSeconds();
            var result = ceiling.readAll(remaining(Duration.ofSeconds(60)));
            double cpu = processCpuSeconds() - cpuBefore;
            progress(String.format(Locale.ROOT, "ceiling pass %d: %,.0f events/s, %.0f CPU-us per event (broker + consumers)",
                    pass, result.eventsPerSecond(), cpu * 1e6 / result.events()));
            if (best == null || result.eventsPerSecond() > best.eventsPerSecond()) {
                best = result;
                bestCpuPerEvent = cpu * 1e6 / result.events();
            }
        }
        report.ceilingEventsPerSecond = best.eventsPerSecond();
        report.row("ceiling (plain consumer)", BenchReport.rate(best.events(), best.nanos() / 1e9) + String.format(
                Locale.ROOT, " (%d consumer(s) reading + Avro-decoding both topics, best of 2; %.0f CPU-us per event"
                        + " with the broker)", consumers, bestCpuPerEvent));
        report.row("e2e / floor, e2e / ceiling", String.format(Locale.ROOT, "%.3f, %.3f",
                report.e2eEventsPerSecond / report.floorEventsPerSecond,
                report.e2eEventsPerSecond / report.ceilingEventsPerSecond));
    }

    /** The core the query client is pinned to, when pinning is asked for and possible. */
    private Optional<Integer> clientCpu() {
        return settings.clientCpu() >= 0 && OpenLoopClient.taskset().isPresent()
                ? Optional.of(settings.clientCpu()) : Optional.empty();
    }

    private String pinning() {
        return clientCpu().map(c -> "client JVM pinned to CPU " + c + " with taskset").orElse("client JVM not pinned");
    }

    // ---- helpers ---------------------------------------------------------------------------

    /** The instances' own count of rebalances that interrupted them, from their {@code /metrics}. */
    private String rebalances(List<AppProcess> apps) throws InterruptedException {
        long total = 0;
        for (AppProcess app : apps) {
            try {
                var counter = AppGroup.rebalances(app.metrics(http));
                if (counter.isEmpty()) {
                    return "unknown (" + app.name() + " has no ecosystem_streams_rebalances_total)";
                }
                total += counter.getAsLong();
            } catch (IOException e) {
                return "unknown (" + app.name() + ": " + e + ")";
            }
        }
        return Long.toString(total);
    }

    private static double cpuSeconds(List<AppProcess> apps) {
        return apps.stream().mapToDouble(app -> app.cpuSeconds().orElse(0.0)).sum();
    }

    private Map<String, String> appEnvironment(EmbeddedKafkaBroker broker, SchemaRegistryServer registry,
                                               String applicationId, Path stateDir) {
        Map<String, String> env = new HashMap<>();
        env.put("BOOTSTRAP_SERVERS", broker.bootstrapServers());
        env.put("SCHEMA_REGISTRY_URL", registry.url());
        env.put("APPLICATION_ID", applicationId);
        env.put("PROCESSING_GUARANTEE", "exactly_once_v2");
        env.put("STATE_DIR", stateDir.toString());
        env.put("NUM_STREAM_THREADS", Integer.toString(settings.streamThreads()));
        // Extra AppConfig variables for experiments: -Dbench.appEnv=COMMIT_INTERVAL_MS=200,CACHE_MAX_BYTES=...
        env.putAll(ExperimentOptions.keyValues(System.getProperty("bench.appEnv", "")));
        return env;
    }

    /** -Dbench.appJvmArgs adds JVM options to every instance; {@code {i}} becomes the instance number. */
    private static List<String> appJvmArgs(Path work, int instance) {
        return ExperimentOptions.words(System.getProperty("bench.appJvmArgs", "")).stream()
                .map(arg -> arg.replace("{i}", Integer.toString(instance)).replace("{work}", work.toString()))
                .toList();
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, List<String> topics) throws Exception {
        return latestOffsets(admin, topics);
    }

    private static long dlqRecords(Admin admin) throws Exception {
        return latestOffsets(admin, List.of(Topics.POP_CAPACITY_DLQ, Topics.PARTNER_ONBOARDING_DLQ)).values().stream()
                .mapToLong(Long::longValue).sum();
    }

    private static Map<TopicPartition, Long> latestOffsets(Admin admin, List<String> topics) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (var description : admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).values()) {
            description.partitions().forEach(p ->
                    request.put(new TopicPartition(description.name(), p.partition()), OffsetSpec.latest()));
        }
        Map<TopicPartition, Long> offsets = new HashMap<>();
        admin.listOffsets(request).all().get(10, TimeUnit.SECONDS).forEach((tp, info) -> offsets.put(tp, info.offset()));
        return offsets;
    }

    /** {@code wanted}, or less if the run's budget is nearer; never negative. */
    private Duration remaining(Duration wanted) {
        Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
        return left.compareTo(wanted) < 0 ? left : wanted;
    }

    /** CPU used by this JVM (broker, registry, harness) so far. */
    private static double processCpuSeconds() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1e9 : 0;
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    private static void progress(String message) {
        PROGRESS.println("[bench] " + message);
        PROGRESS.flush();
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
