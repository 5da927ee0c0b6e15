package com.cmobile.ecosystem.bench.chaos;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

/**
 * What one fault-injection run does, from system properties {@code -Dchaos.<name>=<value>}.
 *
 * @param guarantee      the app's {@code PROCESSING_GUARANTEE}: {@code exactly_once_v2} or {@code at_least_once}
 * @param seed           seed of the history and of the fault schedule: the same seed replays both
 * @param events         records in the history, invalid ones included
 * @param popKeys        distinct PoPs
 * @param partnerKeys    distinct partners
 * @param partitions     partitions of each input topic
 * @param brokers        KRaft nodes (broker and controller each)
 * @param instances      app instances, each a child JVM
 * @param kills          kill -9 of a random instance, each followed by a restart
 * @param brokerRestarts clean stop and restart of one broker at a time
 * @param load           how long the history takes to publish; the faults happen within it
 * @param pythonShare    share of the keys whose events Confluent's Python client publishes
 * @param invalidShare   share of the records that are invalid or undecodable
 * @param emptyStateShare share of the restarts that begin on an empty state directory
 * @param queryThreads   threads of the query client that runs during the faults
 * @param settleTimeout  after the load, at most how long to wait for the app to catch up and match
 * @param appHeap        {@code -Xmx} of each instance
 * @param groupProtocol  the app's {@code GROUP_PROTOCOL}: {@code classic}, or {@code streams} (KIP-1071), for which
 *                       the brokers get the streams group's session (6 s), heartbeat (1.5 s) and standby replicas (1)
 * @param pauses         SIGSTOP of a random instance for {@code pause}, then SIGCONT, each at a calm moment: a
 *                       stop-the-world pause shorter than the session must not cost a rebalance
 * @param pause          how long each paused instance stays stopped
 */
public record ChaosSettings(String guarantee, long seed, int events, int popKeys, int partnerKeys, int partitions,
                            int brokers, int instances, int kills, int brokerRestarts, Duration load,
                            double pythonShare, double invalidShare, double emptyStateShare, int queryThreads,
                            Duration settleTimeout, String appHeap, String groupProtocol, int pauses,
                            Duration pause) {

    public static final String EXACTLY_ONCE_V2 = "exactly_once_v2";
    public static final String AT_LEAST_ONCE = "at_least_once";

    public ChaosSettings {
        if (!guarantee.equals(EXACTLY_ONCE_V2) && !guarantee.equals(AT_LEAST_ONCE)) {
            throw new IllegalArgumentException("chaos.guarantee must be " + EXACTLY_ONCE_V2 + " or " + AT_LEAST_ONCE
                    + ", not " + guarantee);
        }
        if (events < 100 || popKeys < 1 || partnerKeys < 1 || partitions < 1 || brokers < 3 || instances < 2
                || kills < 0 || brokerRestarts < 0 || queryThreads < 1 || pauses < 0 || pause.isNegative()) {
            throw new IllegalArgumentException("chaos.* out of range (at least 100 events, 3 brokers, 2 instances): "
                    + this);
        }
        if (!groupProtocol.equals("classic") && !groupProtocol.equals("streams")) {
            throw new IllegalArgumentException("chaos.groupProtocol must be classic or streams, not " + groupProtocol);
        }
        if (!isShare(pythonShare) || !isShare(invalidShare) || !isShare(emptyStateShare)) {
            throw new IllegalArgumentException("chaos.*Share must lie in [0, 1]: " + this);
        }
    }

    /** The full run: at least 10 kills and 2 broker restarts within 10 minutes. */
    public static ChaosSettings full() {
        return new ChaosSettings(EXACTLY_ONCE_V2, 20_261_207L, 24_000, 240, 360, 6, 3, 3, 10, 2,
                Duration.ofSeconds(360), 0.10, 0.01, 0.3, 2, Duration.ofSeconds(120), "320m", "classic", 2,
                Duration.ofMillis(3000));
    }

    /** The run inside {@code mvn verify}: 3 kills and 1 broker restart within 3 minutes. */
    public static ChaosSettings quick() {
        return new ChaosSettings(EXACTLY_ONCE_V2, 20_261_207L, 4_000, 120, 180, 6, 3, 3, 3, 1,
                Duration.ofSeconds(60), 0.10, 0.01, 0.34, 2, Duration.ofSeconds(90), "320m", "classic", 0,
                Duration.ofMillis(3000));
    }

    /** {@link #full()} (or {@link #quick()} with {@code -Dchaos.size=quick}) overridden by {@code -Dchaos.*}. */
    public static ChaosSettings fromSystemProperties() {
        ChaosSettings base = "quick".equals(System.getProperty("chaos.size", "full")) ? quick() : full();
        return new ChaosSettings(
                get("guarantee", base.guarantee(), Function.identity()),
                get("seed", base.seed(), Long::parseLong),
                get("events", base.events(), Integer::parseInt),
                get("popKeys", base.popKeys(), Integer::parseInt),
                get("partnerKeys", base.partnerKeys(), Integer::parseInt),
                get("partitions", base.partitions(), Integer::parseInt),
                get("brokers", base.brokers(), Integer::parseInt),
                get("instances", base.instances(), Integer::parseInt),
                get("kills", base.kills(), Integer::parseInt),
                get("brokerRestarts", base.brokerRestarts(), Integer::parseInt),
                get("loadSeconds", base.load(), s -> Duration.ofSeconds(Long.parseLong(s))),
                get("pythonShare", base.pythonShare(), Double::parseDouble),
                get("invalidShare", base.invalidShare(), Double::parseDouble),
                get("emptyStateShare", base.emptyStateShare(), Double::parseDouble),
                get("queryThreads", base.queryThreads(), Integer::parseInt),
                get("settleSeconds", base.settleTimeout(), s -> Duration.ofSeconds(Long.parseLong(s))),
                get("appHeap", base.appHeap(), Function.identity()),
                get("groupProtocol", base.groupProtocol(), Function.identity()),
                get("pauses", base.pauses(), Integer::parseInt),
                get("pauseMillis", base.pause(), s -> Duration.ofMillis(Long.parseLong(s))));
    }

    public ChaosSettings withGuarantee(String newGuarantee) {
        return new ChaosSettings(newGuarantee, seed, events, popKeys, partnerKeys, partitions, brokers, instances,
                kills, brokerRestarts, load, pythonShare, invalidShare, emptyStateShare, queryThreads, settleTimeout,
                appHeap, groupProtocol, pauses, pause);
    }

    public String describe() {
        return String.format(Locale.ROOT,
                "guarantee %s, seed %d, %,d records (%,d PoPs, %,d partners, %.0f%% of keys by Python, %.1f%% invalid),"
                        + " %d partitions, %d brokers, %d instances, %d kills (%.0f%% on empty state), %d broker"
                        + " restarts, %d pauses of %.1f s, load %d s, %d query threads, group protocol %s",
                guarantee, seed, events, popKeys, partnerKeys, pythonShare * 100, invalidShare * 100, partitions,
                brokers, instances, kills, emptyStateShare * 100, brokerRestarts, pauses, pause.toMillis() / 1000.0,
                load.toSeconds(), queryThreads,
                groupProtocol);
    }

    private static boolean isShare(double share) {
        return share >= 0 && share <= 1;
    }

    private static <T> T get(String name, T defaultValue, Function<String, T> parse) {
        String raw = System.getProperty("chaos." + name);
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        try {
            String value = raw.strip();
            // Digit groups as in Java literals (24_000); other values, such as exactly_once_v2, keep theirs.
            return parse.apply(value.matches("[0-9_.]+") ? value.replace("_", "") : value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("chaos." + name + " has an invalid value '" + raw + "'", e);
        }
    }
}
