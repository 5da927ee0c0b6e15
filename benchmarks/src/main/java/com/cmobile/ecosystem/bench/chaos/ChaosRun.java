package com.cmobile.ecosystem.bench.chaos;

import com.cmobile.ecosystem.app.config.AppConfig;
import com.cmobile.ecosystem.bench.chaos.ChaosHistory.Kind;
import com.cmobile.ecosystem.bench.chaos.ChaosHistory.Send;
import com.cmobile.ecosystem.app.oracle.AcrossInstances;
import com.cmobile.ecosystem.bench.AppGroup;
import com.cmobile.ecosystem.bench.ExperimentOptions;
import com.cmobile.ecosystem.app.oracle.Expected;
import com.cmobile.ecosystem.app.oracle.HttpAnswer;
import com.cmobile.ecosystem.app.oracle.NaiveAnswers;
import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.events.Program;
import com.cmobile.ecosystem.events.Topics;
import com.cmobile.ecosystem.geo.Region;
import com.cmobile.ecosystem.producers.PublisherConfig;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * The fault-injection run, built like Apache Kafka's EOS system test: on a KRaft cluster of three
 * brokers, three app instances (child JVMs, persistent stores, one standby) process a deterministic
 * history published by Java's producer and by Confluent's Python client, while instances are killed
 * with SIGKILL and brokers restarted one at a time, and a query client asks random routes of random
 * instances. At the end, once the app has consumed everything, every aggregate behind every route is
 * compared with a recomputation from the history, and the dead-letter topics with the invalid
 * records. The last line printed is the {@code CHAOS ...} line of {@link ChaosResult}.
 */
public final class ChaosRun {

    /** What the harness needs from the environment it runs in: a cluster, a registry, Python, an oracle. */
    public interface Environment extends AutoCloseable {
        String bootstrapServers();

        String registryUrl();

        Admin admin();

        FaultInjector.Brokers brokers();

        ChaosPublisher.PythonProducer python();
    }

    private static final Duration QUERY_TIMEOUT = Duration.ofMillis(5_000);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(150);

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final ChaosSettings settings;
    private final Consumer<String> log;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    public ChaosRun(ChaosSettings settings, PrintStream progress) {
        this.settings = settings;
        this.log = line -> {
            // Wall-clock time, to line each fault up with the instances' logs (-Dchaos.keepWork=true).
            progress.println("[chaos " + CLOCK.format(LocalTime.now()) + "] " + line);
            progress.flush();
        };
    }

    public ChaosResult run(Environment environment, Path work) throws Exception {
        log.accept("settings: " + settings.describe());
        ChaosHistory history = ChaosHistory.generate(settings, Instant.now());
        FaultPlan plan = FaultPlan.generate(settings);
        log.accept(String.format(Locale.ROOT, "history: %,d records: %,d valid, %,d invalid, %,d undecodable; %,d by"
                        + " Python", history.sends().size(), history.count(Kind.VALID), history.count(Kind.INVALID),
                history.count(Kind.UNDECODABLE), history.count(ChaosHistory.Producer.PYTHON)));
        log.accept("fault schedule (replay with -Dchaos.seed=" + settings.seed() + "):");
        plan.faults().forEach(f -> log.accept("  " + f.describe()));

        String applicationId = "chaos-" + settings.guarantee().replace('_', '-') + "-" + settings.seed();
        Map<String, String> env = new HashMap<>();
        env.put("BOOTSTRAP_SERVERS", environment.bootstrapServers());
        env.put("SCHEMA_REGISTRY_URL", environment.registryUrl());
        env.put("APPLICATION_ID", applicationId);
        env.put("PROCESSING_GUARANTEE", settings.guarantee());
        env.put("NUM_STANDBY_REPLICAS", "1");
        env.put("STATE_STORES", "rocksdb");
        env.put("QUERY_TIMEOUT_MS", Long.toString(QUERY_TIMEOUT.toMillis()));
        env.put("GROUP_PROTOCOL", settings.groupProtocol());
        // Experiments: -Dchaos.appEnv=SESSION_TIMEOUT_MS=3000,HEARTBEAT_INTERVAL_MS=1000 (applied last).
        env.putAll(ExperimentOptions.keyValues(System.getProperty("chaos.appEnv", "")));

        var deadLetters = new DeadLetterCheck();
        try (var instances = new Instances(work, env, settings.appHeap(), settings.instances(), http)) {
            long startingAt = System.nanoTime();
            for (int i = 0; i < instances.size(); i++) {
                instances.start(i);
            }
            for (int i = 0; i < instances.size(); i++) {
                instances.awaitReady(i, READY_TIMEOUT);
            }
            AppGroup.awaitStable(environment.admin(), applicationId, settings.instances(), Duration.ofSeconds(90));
            log.accept(String.format(Locale.ROOT, "%d instances ready and in one stable group in %.1f s",
                    instances.size(), seconds(startingAt)));

            List<String> keyRoutes = keyRoutes(history);
            var injector = new FaultInjector(instances, environment.brokers(), http, keyRoutes, QUERY_TIMEOUT, log,
                    () -> rebalances(instances), settings.pause(),
                    AppConfig.from(env).sessionTimeout());
            var publisher = new ChaosPublisher(new PublisherConfig(environment.bootstrapServers(),
                    environment.registryUrl(), Map.of()).producerProperties(), environment.registryUrl(),
                    environment.python(), deadLetters);
            var queries = new QueryClient(instances, http, routes(history, keyRoutes), QUERY_TIMEOUT, settings.seed());

            // Rebalances before the first fault are ones the load alone caused (session timeouts tripped
            // by pauses or slow commits): there must be none.
            Duration calm = plan.faults().isEmpty() ? settings.load() : plan.faults().get(0).at();
            long rebalancesAtStart = rebalances(instances);
            long[] rebalancesWhileCalm = {-1};
            long loadStart = System.nanoTime();
            Thread calmWatch = new Thread(() -> {
                Pause.quietly(Math.max(0, calm.toMillis() - 300));
                rebalancesWhileCalm[0] = rebalances(instances) - rebalancesAtStart;
            }, "chaos-calm-watch");
            calmWatch.start();
            queries.start(settings.queryThreads());
            Thread faults = new Thread(() -> {
                try {
                    injector.run(plan, loadStart);
                } catch (Exception e) {
                    log.accept("fault injection stopped: " + e);
                }
            }, "chaos-faults");
            faults.start();
            publisher.publish(history.sends(), settings.load(), loadStart);
            log.accept(String.format(Locale.ROOT, "published %,d records in %.1f s (%d failures)",
                    publisher.acknowledged(), seconds(loadStart), publisher.failures().size()));
            faults.join();
            calmWatch.join();
            log.accept(String.format(Locale.ROOT, "rebalances in the %.0f s before the first fault: %d",
                    calm.toMillis() / 1000.0, rebalancesWhileCalm[0]));
            queries.close();
            log.accept("query answers by status: " + queries.counts());

            // The failover probes still running measure on while the app catches up.
            long settlingAt = System.nanoTime();
            for (int i = 0; i < instances.size(); i++) {
                if (!instances.isUp(i)) {
                    instances.awaitReady(i, READY_TIMEOUT);
                }
            }
            List<String> all = new ArrayList<>();
            NaiveAnswers oracle = oracle(history, all);
            boolean caughtUp = awaitConsumed(environment.admin(), applicationId, settings.settleTimeout());
            log.accept(String.format(Locale.ROOT, "%s everything %.1f s after the last fault", caughtUp ? "consumed"
                    : "NOT consumed", seconds(settlingAt)));
            injector.awaitBackground();
            List<String> mismatches = compare(oracle, instances, Duration.ofSeconds(30));
            var dlq = deadLetters.check(environment.bootstrapServers(), Duration.ofSeconds(60));

            all.addAll(mismatches);
            all.addAll(dlq.mismatches());
            publisher.failures().forEach(f -> all.add("publishing: " + f));
            injector.problems().forEach(p -> log.accept("problem: " + p));
            queries.errors().stream().limit(50).forEach(e -> log.accept("query error: " + e));
            all.stream().limit(200).forEach(m -> log.accept("MISMATCH " + m));
            if (all.size() > 200) {
                log.accept("... and " + (all.size() - 200) + " more mismatches");
            }
            return new ChaosResult(settings.guarantee(), history.sends().size(), injector.kills(),
                    injector.brokerRestarts(), all.size(), dlq.expected(), dlq.seen(), queries.errors().size(),
                    injector.failovers(), queries.counts(), rebalancesWhileCalm[0], injector.pauses(),
                    injector.rebalancesAfterPauses());
        }
    }

    /**
     * The oracle fed with every decodable record in the order sent (each key's order is its
     * producer's). Its verdict on each record must be the history's: a record the generator meant
     * as valid that the oracle rejects, or the reverse, is a mismatch of the harness itself.
     */
    private static NaiveAnswers oracle(ChaosHistory history, List<String> mismatches) {
        var oracle = new NaiveAnswers();
        for (Send send : history.sends()) {
            if (send.kind() == Kind.UNDECODABLE) {
                continue;
            }
            boolean accepted = send.event() instanceof PopCapacityEvent pop ? oracle.apply(send.key(), pop)
                    : oracle.apply(send.key(), (PartnerOnboardingEvent) send.event());
            if (accepted != (send.kind() == Kind.VALID)) {
                mismatches.add("harness: record " + send.index() + " generated " + send.kind() + " but the oracle "
                        + (accepted ? "accepts" : "rejects") + " it");
            }
        }
        return oracle;
    }

    /**
     * Compares every route, each asked of the next instance in turn, and what each instance holds
     * of the business locations and gauges, until the app matches or {@code patience} is over: the
     * upper levels follow their first level within a few commit intervals, and gauges are cached
     * for a few seconds, so the last input consumed is not yet the last figure updated.
     */
    private List<String> compare(NaiveAnswers oracle, Instances instances, Duration patience) {
        long until = System.nanoTime() + patience.toNanos();
        Duration timeout = QUERY_TIMEOUT.plusSeconds(2);
        List<Function<String, HttpAnswer>> asks = new ArrayList<>();
        for (int i = 0; i < instances.size(); i++) {
            asks.add(HttpAnswer.of(http, URI.create(instances.baseUrl(i)), timeout));
        }
        Map<String, Expected> expected = oracle.answers();
        int[] next = {0};
        List<String> differences;
        int attempt = 0;
        do {
            attempt++;
            try {
                differences = new ArrayList<>(NaiveAnswers.differences(expected,
                        route -> asks.get(next[0]++ % asks.size()).apply(route)));
                differences.addAll(AcrossInstances.differences(oracle, asks));
            } catch (UncheckedIOException e) {
                differences = List.of("no answer: " + e.getMessage());
            }
            if (differences.isEmpty()) {
                break;
            }
            Pause.quietly(1_000);
        } while (System.nanoTime() < until);
        log.accept("compared every route with the oracle " + attempt + " time(s): " + differences.size()
                + " difference(s) in the last");
        return differences;
    }

    /**
     * The rebalances that interrupted the instances that are up, as each counts them since its start
     * ({@code ecosystem_streams_rebalances_total} on {@code /metrics}); an instance that does not
     * answer counts nothing.
     *
     * @throws IllegalStateException when an instance that answers has no such counter
     */
    private long rebalances(Instances instances) {
        long total = 0;
        for (int i = 0; i < instances.size(); i++) {
            String base = instances.baseUrl(i);
            var outcome = QueryClient.ask(http, base + "/metrics", QUERY_TIMEOUT);
            if (outcome.status() != 200) {
                continue;
            }
            total += AppGroup.rebalances(outcome.body()).orElseThrow(() -> new IllegalStateException(
                    "no ecosystem_streams_rebalances_total on " + base + "/metrics"));
        }
        return total;
    }

    private static List<String> keyRoutes(ChaosHistory history) {
        List<String> routes = new ArrayList<>();
        history.popIds().forEach(id -> routes.add("/api/v1/pops/" + id));
        history.partnerIds().forEach(id -> routes.add("/api/v1/partners/" + id));
        return routes;
    }

    /** Every route family, aggregates and keys alike, for the query client to pick from. */
    private static List<String> routes(ChaosHistory history, List<String> keyRoutes) {
        List<String> routes = new ArrayList<>(keyRoutes);
        List<String> aggregates = new ArrayList<>();
        aggregates.add("/api/v1/capacity");
        aggregates.add("/api/v1/capacity/regions");
        aggregates.add("/api/v1/capacity/countries");
        aggregates.add("/api/v1/alliance");
        aggregates.add("/api/v1/instances");
        for (Region region : Region.values()) {
            aggregates.add("/api/v1/capacity/regions/" + region.name());
        }
        for (String country : ChaosHistory.countries()) {
            aggregates.add("/api/v1/capacity/countries/" + country);
            aggregates.add("/api/v1/capacity/countries/" + country + "/cities");
            for (String city : ChaosHistory.cities(country)) {
                aggregates.add("/api/v1/capacity/countries/" + country + "/cities/"
                        + URLEncoder.encode(city, StandardCharsets.UTF_8).replace("+", "%20"));
            }
        }
        for (Program program : Set.of(Program.HAND_IN_HAND, Program.ISTAR, Program.GTI, Program.ECOSYSTEM_ALLIANCE)) {
            String base = "/api/v1/alliance/programs/" + program.name();
            aggregates.add(base);
            aggregates.add(base + "/regions");
            aggregates.add(base + "/partners");
            aggregates.add(base + "/growth?from=2008-01-01&to=2010-09-26");
        }
        // As many aggregate asks as key asks: both kinds of route see every fault.
        while (aggregates.size() < routes.size()) {
            aggregates.addAll(List.copyOf(aggregates));
        }
        routes.addAll(aggregates.subList(0, keyRoutes.size()));
        return routes;
    }

    /**
     * Waits until the group is stable with every instance and has committed, on every partition it
     * reads (inputs and internal topics), the last stable offset: everything published was
     * processed and nothing is left in flight between the sub-topologies.
     */
    private boolean awaitConsumed(Admin admin, String groupId, Duration timeout) throws Exception {
        long until = System.nanoTime() + timeout.toNanos();
        long lag = -1;
        while (System.nanoTime() < until) {
            if (AppGroup.stableMembers(admin, groupId) == settings.instances()) {
                lag = lag(admin, groupId);
                if (lag == 0) {
                    return true;
                }
            }
            Thread.sleep(500);
        }
        log.accept("group " + groupId + " still lagging by " + lag + " records after " + timeout.toSeconds() + " s");
        return false;
    }

    private static long lag(Admin admin, String groupId) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (var description : admin.describeTopics(List.of(Topics.POP_CAPACITY, Topics.PARTNER_ONBOARDING))
                .allTopicNames().get(10, TimeUnit.SECONDS).values()) {
            description.partitions().forEach(p -> request.put(new TopicPartition(description.name(), p.partition()),
                    OffsetSpec.latest()));
        }
        committed.keySet().forEach(tp -> request.put(tp, OffsetSpec.latest()));
        var ends = admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                .get(10, TimeUnit.SECONDS);
        long lag = 0;
        for (var entry : ends.entrySet()) {
            OffsetAndMetadata offset = committed.get(entry.getKey());
            lag += Math.max(0, entry.getValue().offset() - (offset == null ? 0 : offset.offset()));
        }
        return lag;
    }

    static double percentile(Collection<Double> values, double p) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    static Path createWork() throws java.io.IOException {
        return Files.createTempDirectory("chaos-");
    }
}
