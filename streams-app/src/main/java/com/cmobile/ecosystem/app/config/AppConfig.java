package com.cmobile.ecosystem.app.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import com.cmobile.ecosystem.events.Topics;

/**
 * Everything the application can be configured with, read and validated in one place (nothing
 * else reads the environment). Each setting comes from an environment variable, or the
 * equivalent lower-case dotted key in a properties map ({@code BOOTSTRAP_SERVERS} or
 * {@code bootstrap.servers}), or its default.
 *
 * @param bootstrapServers       {@code BOOTSTRAP_SERVERS}, default {@code localhost:9092}
 * @param schemaRegistryUrl      {@code SCHEMA_REGISTRY_URL}, default {@code http://localhost:8081}
 * @param applicationId          {@code APPLICATION_ID}, default {@code ecosystem-aggregates}: prefix
 *                               of every internal topic and the consumer group
 * @param processingGuarantee    {@code PROCESSING_GUARANTEE}: {@code exactly_once_v2} (default) or
 *                               {@code at_least_once}
 * @param stateDir               {@code STATE_DIR}, default {@code <java.io.tmpdir>/kafka-streams}
 * @param numStreamThreads       {@code NUM_STREAM_THREADS}, default 1
 * @param numStandbyReplicas     {@code NUM_STANDBY_REPLICAS}, default 1: a second instance keeps a warm
 *                               copy of each store, so losing one instance costs no restoration
 *                               (a lone instance is simply assigned no standby)
 * @param commitInterval         {@code COMMIT_INTERVAL_MS}, default 100 ms: also how long the record
 *                               cache may coalesce updates before they reach the next level
 * @param cacheMaxBytes          {@code CACHE_MAX_BYTES}, default 10 MiB (all threads)
 * @param replicationFactor      {@code REPLICATION_FACTOR} of internal topics, default -1 (broker default)
 * @param httpPort               {@code HTTP_PORT}, default 8080
 * @param applicationServer      {@code APPLICATION_SERVER} host:port other instances reach this one
 *                               at for interactive queries, default {@code localhost:<httpPort>}
 * @param popCapacityTopic       {@code POP_CAPACITY_TOPIC}, default {@code pop-capacity}
 * @param partnerOnboardingTopic {@code PARTNER_ONBOARDING_TOPIC}, default {@code partner-onboarding}
 * @param popCapacityDlqTopic    {@code POP_CAPACITY_DLQ_TOPIC}, default {@code pop-capacity-dlq}
 * @param partnerOnboardingDlqTopic {@code PARTNER_ONBOARDING_DLQ_TOPIC}, default {@code partner-onboarding-dlq}
 * @param futureTolerance        {@code FUTURE_TOLERANCE_MS}: how far in the future occurredAt may be,
 *                               default 5 minutes, at most 55 minutes (the broker rejects
 *                               timestamps more than an hour ahead in the internal topics)
 * @param queryTimeout           {@code QUERY_TIMEOUT_MS}, default 5000: bound on any forwarded or
 *                               fanned-out interactive query, after which the answer is 503
 * @param shutdownTimeout        {@code SHUTDOWN_TIMEOUT_MS}, default 30000: bound on a clean
 *                               shutdown (SIGTERM); past it the process logs a thread dump and exits
 *                               with status 1
 * @param livenessStall          {@code LIVENESS_STALL_MS}, default 60000: how long a stream thread may
 *                               go without polling or processing, while its input has records waiting,
 *                               before {@code /health/live} answers 503
 * @param rocksDbMemoryMb        {@code ROCKSDB_MEMORY_MB}, default 256: all RocksDB memory of the
 *                               process (shared block cache, memtables charged to it)
 * @param stateStores            {@code STATE_STORES}: {@code rocksdb} (default) or {@code in-memory};
 *                               both are backed by changelog topics, but in-memory stores are rebuilt
 *                               from them on every start and hold all state on the heap
 */
public record AppConfig(String bootstrapServers, String schemaRegistryUrl, String applicationId,
                        String processingGuarantee, Path stateDir, int numStreamThreads, int numStandbyReplicas,
                        Duration commitInterval, long cacheMaxBytes, int replicationFactor, int httpPort,
                        String applicationServer, String popCapacityTopic, String partnerOnboardingTopic,
                        String popCapacityDlqTopic, String partnerOnboardingDlqTopic,
                        Duration futureTolerance, Duration queryTimeout, Duration shutdownTimeout,
                        Duration livenessStall, int rocksDbMemoryMb, StateStores stateStores) {

    /** Where the state stores keep their data between commits. */
    public enum StateStores {
        ROCKSDB, IN_MEMORY;

        static StateStores parse(String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "rocksdb" -> ROCKSDB;
                case "in-memory" -> IN_MEMORY;
                default -> throw new IllegalArgumentException(
                        "STATE_STORES must be 'rocksdb' or 'in-memory', not '" + value + "'");
            };
        }
    }

    public static final String EXACTLY_ONCE_V2 = "exactly_once_v2";
    public static final String AT_LEAST_ONCE = "at_least_once";
    private static final Set<String> GUARANTEES = Set.of(EXACTLY_ONCE_V2, AT_LEAST_ONCE);
    private static final Duration MAX_FUTURE_TOLERANCE = Duration.ofMinutes(55);

    public AppConfig {
        requireText("BOOTSTRAP_SERVERS", bootstrapServers);
        requireText("SCHEMA_REGISTRY_URL", schemaRegistryUrl);
        requireText("APPLICATION_ID", applicationId);
        if (!GUARANTEES.contains(processingGuarantee)) {
            throw new IllegalArgumentException("PROCESSING_GUARANTEE must be one of " + GUARANTEES + ", not '"
                    + processingGuarantee + "'");
        }
        Objects.requireNonNull(stateDir, "STATE_DIR");
        requireAtLeast("NUM_STREAM_THREADS", numStreamThreads, 1);
        requireAtLeast("NUM_STANDBY_REPLICAS", numStandbyReplicas, 0);
        if (commitInterval.isNegative() || commitInterval.isZero()) {
            throw new IllegalArgumentException("COMMIT_INTERVAL_MS must be positive, not " + commitInterval.toMillis());
        }
        requireAtLeast("CACHE_MAX_BYTES", cacheMaxBytes, 0);
        if (replicationFactor == 0 || replicationFactor < -1) {
            throw new IllegalArgumentException("REPLICATION_FACTOR must be -1 (broker default) or positive, not "
                    + replicationFactor);
        }
        requireAtLeast("HTTP_PORT", httpPort, 0);
        if (httpPort > 65535) {
            throw new IllegalArgumentException("HTTP_PORT must be at most 65535, not " + httpPort);
        }
        if (!applicationServer.matches("[^:\\s]+:\\d{1,5}")) {
            throw new IllegalArgumentException("APPLICATION_SERVER must be host:port, not '" + applicationServer + "'");
        }
        requireText("POP_CAPACITY_TOPIC", popCapacityTopic);
        requireText("PARTNER_ONBOARDING_TOPIC", partnerOnboardingTopic);
        requireText("POP_CAPACITY_DLQ_TOPIC", popCapacityDlqTopic);
        requireText("PARTNER_ONBOARDING_DLQ_TOPIC", partnerOnboardingDlqTopic);
        if (futureTolerance.isNegative() || futureTolerance.compareTo(MAX_FUTURE_TOLERANCE) > 0) {
            throw new IllegalArgumentException("FUTURE_TOLERANCE_MS must be between 0 and "
                    + MAX_FUTURE_TOLERANCE.toMillis() + ", not " + futureTolerance.toMillis());
        }
        requirePositive("QUERY_TIMEOUT_MS", queryTimeout);
        requirePositive("SHUTDOWN_TIMEOUT_MS", shutdownTimeout);
        requirePositive("LIVENESS_STALL_MS", livenessStall);
        requireAtLeast("ROCKSDB_MEMORY_MB", rocksDbMemoryMb, 16);
        Objects.requireNonNull(stateStores, "STATE_STORES");
    }

    /** From the process environment. */
    public static AppConfig fromEnvironment() {
        return from(System.getenv());
    }

    /** All defaults. */
    public static AppConfig defaults() {
        return from(Map.of());
    }

    /**
     * From a map whose keys are environment-variable names ({@code HTTP_PORT}) or dotted
     * lower-case names ({@code http.port}); missing keys take their defaults.
     */
    public static AppConfig from(Map<String, String> values) {
        var source = new Source(values);
        int httpPort = source.get("HTTP_PORT", "8080", Integer::parseInt);
        return new AppConfig(
                source.get("BOOTSTRAP_SERVERS", "localhost:9092", Function.identity()),
                source.get("SCHEMA_REGISTRY_URL", "http://localhost:8081", Function.identity()),
                source.get("APPLICATION_ID", "ecosystem-aggregates", Function.identity()),
                source.get("PROCESSING_GUARANTEE", EXACTLY_ONCE_V2, s -> s.toLowerCase(Locale.ROOT)),
                source.get("STATE_DIR", Path.of(System.getProperty("java.io.tmpdir"), "kafka-streams").toString(),
                        Path::of),
                source.get("NUM_STREAM_THREADS", "1", Integer::parseInt),
                source.get("NUM_STANDBY_REPLICAS", "1", Integer::parseInt),
                source.get("COMMIT_INTERVAL_MS", "100", s -> Duration.ofMillis(Long.parseLong(s))),
                source.get("CACHE_MAX_BYTES", Long.toString(10L * 1024 * 1024), Long::parseLong),
                source.get("REPLICATION_FACTOR", "-1", Integer::parseInt),
                httpPort,
                source.get("APPLICATION_SERVER", "localhost:" + httpPort, Function.identity()),
                source.get("POP_CAPACITY_TOPIC", Topics.POP_CAPACITY, Function.identity()),
                source.get("PARTNER_ONBOARDING_TOPIC", Topics.PARTNER_ONBOARDING, Function.identity()),
                source.get("POP_CAPACITY_DLQ_TOPIC", Topics.POP_CAPACITY_DLQ, Function.identity()),
                source.get("PARTNER_ONBOARDING_DLQ_TOPIC", Topics.PARTNER_ONBOARDING_DLQ, Function.identity()),
                source.get("FUTURE_TOLERANCE_MS", "300000", AppConfig::millis),
                source.get("QUERY_TIMEOUT_MS", "5000", AppConfig::millis),
                source.get("SHUTDOWN_TIMEOUT_MS", "30000", AppConfig::millis),
                source.get("LIVENESS_STALL_MS", "60000", AppConfig::millis),
                source.get("ROCKSDB_MEMORY_MB", "256", Integer::parseInt),
                source.get("STATE_STORES", "rocksdb", StateStores::parse));
    }

    private static Duration millis(String value) {
        return Duration.ofMillis(Long.parseLong(value));
    }

    private record Source(Map<String, String> values) {
        <T> T get(String name, String defaultValue, Function<String, T> parse) {
            String raw = values.get(name);
            if (raw == null) {
                raw = values.get(name.toLowerCase(Locale.ROOT).replace('_', '.'));
            }
            String value = raw == null || raw.isBlank() ? defaultValue : raw.strip();
            try {
                return parse.apply(value);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(name + " has an invalid value '" + value + "': " + e.getMessage(), e);
            }
        }
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, not " + value.toMillis());
        }
    }

    private static void requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    private static void requireAtLeast(String name, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", not " + value);
        }
    }
}
