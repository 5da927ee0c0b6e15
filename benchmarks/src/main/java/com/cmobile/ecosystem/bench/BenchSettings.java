package com.cmobile.ecosystem.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

/**
 * What one benchmark run does, from system properties {@code -Dbench.<name>=<value>} with defaults
 * sized for a 2-core machine and a 15-minute budget.
 *
 * @param events            events pre-generated for the throughput phases (both kinds, about half each)
 * @param seed              seed of the event generator: the same seed gives the same events
 * @param popKeys           distinct PoPs the events play with
 * @param partnerKeys       distinct partners
 * @param partitions        partitions of each input topic
 * @param streamThreads     stream threads per app instance; the ceiling uses as many consumers in all
 * @param appHeap           {@code -Xmx} of each app instance (a JVM option value such as {@code 384m})
 * @param pipelineTimeout   at most how long the pipeline's throughput phase may take before it is reported
 *                          as not done; cut further so that the later phases fit in the budget
 * @param floorKind         {@code count}, {@code decode} or {@code history}: the {@link FloorApp} measured before the app, in
 *                          the same run; {@code none} skips it
 * @param freshRate         sends per second of the freshness probe (alternating its two keys)
 * @param freshDuration     how long the freshness probe sends
 * @param freshPoll         how often each figure is polled during the freshness probe
 * @param queryRate         requests per second offered (open loop) in each query phase
 * @param queryDuration     how long each query phase (local key, routed key, list) is recorded
 * @param jvmWarmUp         how long the three query kinds are asked together, during ingestion and unrecorded,
 *                          before the first query phase: the instances' JIT is still compiling after the
 *                          pipeline and freshness phases (a quarter of a core each), so without it the phases
 *                          measure two JVMs warming up; 0 skips it
 * @param queryWarmUp       requests sent before each query phase's recording starts
 * @param loadRate          events per second the load simulator publishes during the query phases
 * @param clientConnections connections (threads) of the query client: how many requests it may have in flight
 * @param clientCpu         the core the query client is pinned to with {@code taskset}; -1 for none
 * @param maxP99            the p99 a key-lookup rate must stay within to count for {@code max_key_qps}
 * @param stepDuration      how long each step of the {@code max_key_qps} search is recorded (after 1 s of warm-up)
 * @param localRunJar       the all-in-one jar {@code start_s} launches
 * @param budget            the whole run; phases are cut short rather than overrun it
 */
public record BenchSettings(int events, long seed, int popKeys, int partnerKeys, int partitions, int streamThreads,
                            String appHeap, Duration pipelineTimeout, String floorKind, int freshRate,
                            Duration freshDuration, Duration freshPoll, int queryRate, Duration queryDuration,
                            Duration jvmWarmUp, Duration queryWarmUp, int loadRate, int clientConnections, int clientCpu, Duration maxP99,
                            Duration stepDuration, String localRunJar, Duration budget) {

    public BenchSettings {
        if (events < 1 || popKeys < 1 || partnerKeys < 1 || partitions < 1 || streamThreads < 1 || loadRate < 1
                || freshRate < 1 || queryRate < 1 || clientConnections < 1) {
            throw new IllegalArgumentException("bench.* counts and rates must be positive: " + this);
        }
        if (!floorKind.equals("none")) {
            FloorApp.requireKind(floorKind);
        }
    }

    /** Defaults overridden by {@code -Dbench.events=...} and friends. */
    public static BenchSettings fromSystemProperties() {
        return new BenchSettings(
                get("events", 1_000_000, Integer::parseInt),
                get("seed", 20_261_126L, Long::parseLong),
                get("popKeys", 10_000, Integer::parseInt),
                get("partnerKeys", 20_000, Integer::parseInt),
                get("partitions", 6, Integer::parseInt),
                get("streamThreads", 1, Integer::parseInt),
                get("appHeap", "384m", Function.identity()),
                get("pipelineTimeoutSeconds", Duration.ofSeconds(290), BenchSettings::seconds),
                get("floor", "count", s -> s.toLowerCase(Locale.ROOT)),
                get("freshRate", 100, Integer::parseInt),
                get("freshSeconds", Duration.ofSeconds(10), BenchSettings::seconds),
                get("freshPollMs", Duration.ofMillis(5), s -> Duration.ofMillis(Long.parseLong(s))),
                get("queryRate", 500, Integer::parseInt),
                get("querySeconds", Duration.ofSeconds(10), BenchSettings::seconds),
                get("jvmWarmUpSeconds", Duration.ofSeconds(180), BenchSettings::seconds),
                get("queryWarmUpSeconds", Duration.ofSeconds(3), BenchSettings::seconds),
                get("loadRate", 2_000, Integer::parseInt),
                get("clientConnections", 32, Integer::parseInt),
                get("clientCpu", Runtime.getRuntime().availableProcessors() - 1, Integer::parseInt),
                get("maxP99Ms", Duration.ofMillis(10), s -> Duration.ofMillis(Long.parseLong(s))),
                get("stepSeconds", Duration.ofSeconds(3), BenchSettings::seconds),
                get("localRunJar", "local-run/target/local-run.jar", Function.identity()),
                get("budgetSeconds", Duration.ofSeconds(900), BenchSettings::seconds));
    }

    boolean measuresFloor() {
        return !floorKind.equals("none");
    }

    private static Duration seconds(String value) {
        return Duration.ofSeconds(Long.parseLong(value));
    }

    private static <T> T get(String name, T defaultValue, Function<String, T> parse) {
        String raw = System.getProperty("bench." + name);
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        try {
            return parse.apply(raw.strip().replace("_", ""));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("bench." + name + " has an invalid value '" + raw + "'", e);
        }
    }

    String describe() {
        return String.format(Locale.ROOT,
                "%,d events (seed %d, %,d PoPs, %,d partners), %d partitions, %d stream thread(s), app heap %s, "
                        + "floor %s; freshness %d sends/s for %d s, polled every %d ms; queries %,d/s offered for %d s"
                        + " each (after %d s of all three, then %d s of each, unrecorded) at %,d events/s of load, %d"
                        + " connections, client %s",
                events, seed, popKeys, partnerKeys, partitions, streamThreads, appHeap, floorKind, freshRate,
                freshDuration.toSeconds(), freshPoll.toMillis(), queryRate, queryDuration.toSeconds(),
                jvmWarmUp.toSeconds(), queryWarmUp.toSeconds(), loadRate, clientConnections,
                clientCpu < 0 ? "not pinned" : "pinned to CPU " + clientCpu);
    }
}
