package com.cmobile.ecosystem.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

/**
 * What one benchmark run does, from system properties {@code -Dbench.<name>=<value>} with defaults
 * sized for a 2-core machine and a 5-minute budget.
 *
 * @param events          events pre-generated for the throughput phase (both kinds, about half each)
 * @param seed            seed of the event generator: the same seed gives the same events
 * @param popKeys         distinct PoPs the events play with
 * @param partnerKeys     distinct partners
 * @param partitions      partitions of each input topic
 * @param streamThreads   stream threads per app instance; the ceiling uses as many consumers in all
 * @param appHeap         {@code -Xmx} of each app instance (a JVM option value such as {@code 384m})
 * @param pipelineTimeout at most how long the throughput phase may take before it is reported as not done;
 *                        cut further so that the query phase and the ceiling fit in the budget
 * @param queryDuration   how long the query client runs
 * @param queryThreads    concurrent query client threads (closed loop: each waits for its answer)
 * @param loadRate        events per second the load simulator publishes during the query phase
 * @param budget          the whole run; phases are cut short rather than overrun it
 */
public record BenchSettings(int events, long seed, int popKeys, int partnerKeys, int partitions, int streamThreads,
                            String appHeap, Duration pipelineTimeout, Duration queryDuration, int queryThreads,
                            int loadRate, Duration budget) {

    public BenchSettings {
        if (events < 1 || popKeys < 1 || partnerKeys < 1 || partitions < 1 || streamThreads < 1 || queryThreads < 1
                || loadRate < 1) {
            throw new IllegalArgumentException("bench.* counts must be positive: " + this);
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
                get("pipelineTimeoutSeconds", Duration.ofSeconds(290), s -> Duration.ofSeconds(Long.parseLong(s))),
                get("querySeconds", Duration.ofSeconds(20), s -> Duration.ofSeconds(Long.parseLong(s))),
                get("queryThreads", 4, Integer::parseInt),
                get("loadRate", 2_000, Integer::parseInt),
                get("budgetSeconds", Duration.ofSeconds(290), s -> Duration.ofSeconds(Long.parseLong(s))));
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
                        + "query %d s x %d threads at %,d events/s of load",
                events, seed, popKeys, partnerKeys, partitions, streamThreads, appHeap, queryDuration.toSeconds(),
                queryThreads, loadRate);
    }
}
