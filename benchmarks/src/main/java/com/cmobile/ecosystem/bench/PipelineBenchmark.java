package com.cmobile.ecosystem.bench;

import com.cmobile.ecosystem.app.oracle.Expected;
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
import java.util.Arrays;
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
 * Measures, in one run on a fresh embedded broker: how fast the pipeline turns a million events
 * into aggregates compared with how fast a plain consumer can merely read and decode them, how
 * fast interactive queries answer while events pour in, and how much memory each app instance
 * takes. Prints a table, then one {@code BENCH ...} line last (see {@link BenchReport}).
 *
 * <p>Phases: (1) broker, registry, topics; generate and serialize the events (untimed); (2) start
 * the app instances as child JVMs and wait until their group is stable; (3) e2e: publish every
 * event (the project publisher's producer settings) and wait until the group committed the end of
 * every input partition and the app answers the figures recomputed from the events; (4) queries:
 * an HdrHistogram client against both instances while the load simulator publishes; (5) read the
 * instances' peak RSS and stop them; (6) ceiling: plain consumers read and decode both topics
 * from the beginning with nothing else running, best of two passes. Settings: {@link BenchSettings}.
 *
 * <p>With {@code -Dbench.floor=count} (or {@code decode}) the instances run {@link FloorApp}, the
 * simplest Streams application on the same topics and settings, instead of the app; phase (4) is
 * skipped and the last line is a {@code FLOOR ...} line: how close any Kafka Streams topology can
 * get to the ceiling on this machine.
 */
public final class PipelineBenchmark {

    private static final PrintStream PROGRESS = System.err;
    private static final Duration QUERY_WARM_UP = Duration.ofSeconds(3);

    private final BenchSettings settings;
    /** {@code -Dbench.floor=count|decode}: measure {@link FloorApp} instead of the app (no figures, no queries). */
    private final String floor = System.getProperty("bench.floor", "").strip();
    /** {@code -Dbench.instances}: app instances (child JVMs), 2 by default; a floor run may use 1. */
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

    private boolean isFloor() {
        return !floor.isEmpty();
    }

    private void run() throws Exception {
        if (isFloor()) {
            FloorApp.requireKind(floor);
        }
        // The query phase forwards keys to a second instance; the floor has no query phase.
        int fewestInstances = isFloor() ? 1 : 2;
        if (instances < fewestInstances) {
            throw new IllegalArgumentException("bench.instances must be at least " + fewestInstances
                    + " (the query phase forwards keys to a second instance), not " + instances);
        }
        if (isFloor()) {
            report.floorKind = floor;
            report.row("measured", "FloorApp (" + floor + ") in place of the app, with the app's Streams settings");
        }
        progress("settings: " + settings.describe());
        report.row("settings", settings.describe());
        Path work = Files.createTempDirectory("pipeline-bench-");
        try {
            runIn(work);
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
            new TopicProvisioner(admin).provisionEventTopics(Topics.DLQ_BY_EVENT_TOPIC, EventTopicSettings.defaults()
                    .withPartitions(settings.partitions()));
            progress(String.format(Locale.ROOT, "broker, registry and topics up in %.1f s", seconds(brokerStart)));

            String applicationId = "bench-" + UUID.randomUUID().toString().substring(0, 8);
            List<AppProcess> apps = new ArrayList<>();
            try {
                for (int i = 1; i <= instances; i++) {
                    var env = appEnvironment(broker, registry, applicationId, work, i);
                    if (isFloor()) {
                        env.put("FLOOR_KIND", floor);
                    }
                    apps.add(AppProcess.start((isFloor() ? "floor-" : "app-") + i,
                            isFloor() ? FloorApp.class.getName() : AppProcess.MAIN_CLASS, work, env,
                            settings.appHeap(), appJvmArgs(work, i)));
                }
                // Generating takes a while: let the instances start meanwhile (neither is timed).
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

                if (!isFloor()) {
                    // The floor has no HTTP API; its group being stable is its readiness.
                    for (AppProcess app : apps) {
                        app.awaitReady(http, remaining(Duration.ofSeconds(Long.getLong("bench.readySeconds", 90))));
                    }
                }
                AppGroup.awaitStable(admin, applicationId, instances * settings.streamThreads(),
                        remaining(Duration.ofSeconds(60)));
                progress("app instances ready: " + apps.stream().map(a -> a.name() + " pid " + a.pid()).toList());

                measurePipeline(broker, registry, admin, applicationId, events, apps);
                if (!isFloor()) {
                    measureQueries(broker, registry, apps);
                    report.row("rebalances during the run", rebalances(apps)
                            + " (ecosystem_streams_rebalances_total over the instances; no instance failed, so any"
                            + " is a false alarm: a session timeout tripped by load, GC or commits)");
                }
            } catch (Exception e) {
                // The work directory goes away with the run: show what the instances said first.
                for (AppProcess app : apps) {
                    progress("last lines of " + app.name() + ":" + System.lineSeparator() + app.logTail(40));
                }
                throw e;
            } finally {
                long peak = 0;
                for (AppProcess app : apps) {
                    Optional<Long> rss = app.peakRssMb();
                    report.row("peak RSS " + app.name(), rss.map(mb -> String.format(Locale.ROOT,
                            "%,d MB (VmHWM, -Xmx%s)", mb, settings.appHeap())).orElse("unknown (no /proc)"));
                    peak = Math.max(peak, rss.orElse(0L));
                }
                report.rssMb = peak;
                apps.forEach(AppProcess::close);
            }
            report.row("dead-lettered", dlqRecords(admin) + " records");
            measureCeiling(broker, registry);
        }
    }

    // ---- phases ----------------------------------------------------------------------------

    private void measurePipeline(EmbeddedKafkaBroker broker, SchemaRegistryServer registry, Admin admin,
                                 String applicationId, GeneratedEvents events, List<AppProcess> apps) throws Exception {
        progress("e2e: publishing " + events.size() + " events");
        double cpuBefore = cpuSeconds(apps);
        double brokerCpuBefore = processCpuSeconds();
        long start = System.nanoTime();
        var publisherConfig = new PublisherConfig(broker.bootstrapServers(), registry.url(), Map.of());
        try (var producer = new KafkaProducer<>(publisherConfig.producerProperties(), new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < events.size(); i++) {
                String topic = events.pop[i] ? Topics.POP_CAPACITY : Topics.PARTNER_ONBOARDING;
                producer.send(new ProducerRecord<>(topic, null, events.timestamps[i], events.keys[i], events.values[i]));
            }
            producer.flush();
        }
        double publishSeconds = seconds(start);
        report.row("publish", BenchReport.rate(events.size(), publishSeconds)
                + " (project publisher settings: lz4, acks=all, idempotent)");

        var progress = new PipelineProgress(admin, applicationId, endOffsets(admin), apps.get(0), http);
        // Leave time for the query phase, the shutdown and the ceiling, whatever the pipeline does.
        Duration reserve = settings.queryDuration().plus(QUERY_WARM_UP).plusSeconds(55);
        Duration timeout = remaining(settings.pipelineTimeout()).minus(reserve);
        if (timeout.isNegative()) {
            timeout = Duration.ZERO;
        }
        long until = System.nanoTime() + timeout.toNanos();
        boolean done = false;
        long lastReport = System.nanoTime();
        Map<String, Expected> expected = events.expected.totals();
        List<String> differences = List.of();
        long committed = 0;
        while (System.nanoTime() < until) {
            committed = progress.committed();
            if (committed >= progress.inputEvents()) {
                if (isFloor()) {
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
                progress(String.format(Locale.ROOT, "e2e: %,d of %,d input events committed after %.0f s",
                        committed, progress.inputEvents(), seconds(start)));
                lastReport = System.nanoTime();
            }
            Thread.sleep(50);
        }
        double e2eSeconds = seconds(start);
        double appCpu = cpuSeconds(apps) - cpuBefore;
        double brokerCpu = processCpuSeconds() - brokerCpuBefore;
        // Per event the pipeline got through: all of them, or the committed ones when not done.
        long through = done ? events.size() : Math.max(1, committed);
        report.row("CPU during e2e", String.format(Locale.ROOT,
                "apps %.1f CPU-s (%.0f us per event processed), broker+publisher+harness JVM %.1f CPU-s, in %.1f s wall",
                appCpu, appCpu * 1e6 / through, brokerCpu, e2eSeconds));
        if (done) {
            report.e2eEventsPerSecond = events.size() / e2eSeconds;
            report.row(isFloor() ? "e2e floor (" + floor + ")" : "e2e pipeline", BenchReport.rate(events.size(),
                    e2eSeconds) + String.format(Locale.ROOT, " (exactly_once_v2, %d instances x %d stream thread(s); %s)",
                    instances, settings.streamThreads(), isFloor() ? "first send to last input offset committed"
                            : "first send to last aggregate"));
        } else {
            // Not done in time: report the committed rate, which overstates progress at most by what
            // the upper aggregates had still to catch up.
            report.e2eEventsPerSecond = committed / e2eSeconds;
            report.row("e2e pipeline", String.format(Locale.ROOT, "NOT DONE in %.0f s: %,d of %,d committed",
                    e2eSeconds, committed, events.size()));
            report.warn("the pipeline did not reflect every event within " + timeout.toSeconds()
                    + " s; e2e_eps is the committed input rate. Its last answers that differed from the"
                    + " recomputation: " + differences);
        }
        progress(String.format(Locale.ROOT, "e2e: %s after %.1f s", done ? "done" : "NOT done", e2eSeconds));
    }

    private void measureQueries(EmbeddedKafkaBroker broker, SchemaRegistryServer registry, List<AppProcess> apps)
            throws Exception {
        Duration duration = settings.queryDuration();
        if (remaining(Duration.ofDays(1)).compareTo(duration.plus(Duration.ofSeconds(45))) < 0) {
            report.warn("not enough of the time budget left for the query phase; skipped");
            return;
        }
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

        var publisherConfig = new PublisherConfig(broker.bootstrapServers(), registry.url(), Map.of());
        try (var publisher = EcosystemPublisher.create(publisherConfig)) {
            var simulator = new LoadSimulator(publisher,
                    new LoadGenerator(settings.seed() + 1, settings.popKeys(), settings.partnerKeys()), Clock.systemUTC());
            var load = CompletableFuture.supplyAsync(() -> simulator.run(settings.loadRate(),
                    QUERY_WARM_UP.plus(duration).plusSeconds(1)));
            var result = new QueryLoad(apps, keys, http).run(settings.queryThreads(), QUERY_WARM_UP, duration,
                    settings.seed());
            var summary = load.get(duration.toSeconds() + 60, TimeUnit.SECONDS);
            report.queryRows(result);
            report.row("query: load during queries", String.format(Locale.ROOT,
                    "load simulator sent %,d events at %,d/s target (%,d acknowledged)%s", summary.sent(),
                    settings.loadRate(), summary.acknowledged(),
                    summary.failure().map(f -> ", FAILED: " + f).orElse("")));
        }
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
        report.row("ratio e2e / ceiling", String.format(Locale.ROOT, "%.3f",
                report.e2eEventsPerSecond / report.ceilingEventsPerSecond));
    }

    // ---- helpers ---------------------------------------------------------------------------

    /** The instances' own count of rebalances that interrupted them, from their {@code /metrics}. */
    private String rebalances(List<AppProcess> apps) throws InterruptedException {
        long total = 0;
        for (AppProcess app : apps) {
            try {
                var response = http.send(java.net.http.HttpRequest.newBuilder(app.uri("/metrics"))
                        .timeout(Duration.ofSeconds(10)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                var counter = AppGroup.rebalances(response.body());
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
                                               String applicationId, Path work, int instance) {
        Map<String, String> env = new HashMap<>();
        env.put("BOOTSTRAP_SERVERS", broker.bootstrapServers());
        env.put("SCHEMA_REGISTRY_URL", registry.url());
        env.put("APPLICATION_ID", applicationId);
        env.put("PROCESSING_GUARANTEE", "exactly_once_v2");
        env.put("STATE_DIR", work.resolve("state-" + instance).toString());
        env.put("NUM_STREAM_THREADS", Integer.toString(settings.streamThreads()));
        // Extra AppConfig variables for experiments: -Dbench.appEnv=COMMIT_INTERVAL_MS=200,CACHE_MAX_BYTES=...
        String extra = System.getProperty("bench.appEnv", "");
        for (String pair : extra.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                env.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
        return env;
    }

    /** -Dbench.appJvmArgs adds JVM options to every instance; {@code {i}} becomes the instance number. */
    private static List<String> appJvmArgs(Path work, int instance) {
        String raw = System.getProperty("bench.appJvmArgs", "").strip();
        if (raw.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(raw.split("\\s+"))
                .map(arg -> arg.replace("{i}", Integer.toString(instance)).replace("{work}", work.toString()))
                .toList();
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin) throws Exception {
        return latestOffsets(admin, List.of(Topics.POP_CAPACITY, Topics.PARTNER_ONBOARDING));
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
