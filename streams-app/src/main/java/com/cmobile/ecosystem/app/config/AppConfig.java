package com.cmobile.ecosystem.app.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.CaseInsensitiveValidString;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.LambdaValidator;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Validator;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

import com.cmobile.ecosystem.events.Topics;
import com.cmobile.ecosystem.kafka.KafkaClientSecurity;
import org.apache.kafka.common.config.types.Password;

/**
 * Everything the application can be configured with, read and validated in one place (nothing
 * else reads the environment). Each setting comes from an environment variable, or the
 * equivalent lower-case dotted key in a properties map ({@code BOOTSTRAP_SERVERS} or
 * {@code bootstrap.servers}), or its default. {@link #settings()} declares every setting once,
 * with its type, default, validation and meaning; the README's configuration table is checked
 * against it, so the names, defaults and meanings live there and not here.
 *
 * @param bootstrapServers          {@code BOOTSTRAP_SERVERS}
 * @param schemaRegistryUrl         {@code SCHEMA_REGISTRY_URL}
 * @param applicationId             {@code APPLICATION_ID}
 * @param processingGuarantee       {@code PROCESSING_GUARANTEE}, lower case
 * @param stateDir                  {@code STATE_DIR}
 * @param numStreamThreads          {@code NUM_STREAM_THREADS}
 * @param numStandbyReplicas        {@code NUM_STANDBY_REPLICAS}
 * @param commitInterval            {@code COMMIT_INTERVAL_MS}
 * @param cacheMaxBytes             {@code CACHE_MAX_BYTES}
 * @param replicationFactor         {@code REPLICATION_FACTOR}
 * @param httpPort                  {@code HTTP_PORT}
 * @param http                      {@code HTTP_HOST}, {@code API_TOKENS_FILE}, {@code METRICS_PUBLIC},
 *                                  {@code PEER_SECRET_FILE}, {@code HTTP_TLS_*}
 * @param applicationServer         {@code APPLICATION_SERVER}, never null: its default is filled in
 * @param popCapacityTopic          {@code POP_CAPACITY_TOPIC}
 * @param partnerOnboardingTopic    {@code PARTNER_ONBOARDING_TOPIC}
 * @param popCapacityDlqTopic       {@code POP_CAPACITY_DLQ_TOPIC}
 * @param partnerOnboardingDlqTopic {@code PARTNER_ONBOARDING_DLQ_TOPIC}
 * @param futureTolerance           {@code FUTURE_TOLERANCE_MS}
 * @param queryTimeout              {@code QUERY_TIMEOUT_MS}
 * @param shutdownTimeout           {@code SHUTDOWN_TIMEOUT_MS}
 * @param livenessStall             {@code LIVENESS_STALL_MS}
 * @param rocksDbMemoryMb           {@code ROCKSDB_MEMORY_MB}
 * @param stateStores               {@code STATE_STORES}
 * @param sessionTimeout            {@code SESSION_TIMEOUT_MS}
 * @param heartbeatInterval         {@code HEARTBEAT_INTERVAL_MS}
 * @param peerConnectTimeout        {@code PEER_CONNECT_TIMEOUT_MS}
 * @param groupProtocol             {@code GROUP_PROTOCOL}: {@code classic} or {@code streams} (KIP-1071)
 * @param transactionTimeout        {@code TRANSACTION_TIMEOUT_MS}
 * @param acceptableRecoveryLag     {@code ACCEPTABLE_RECOVERY_LAG}
 * @param probingRebalanceInterval  {@code PROBING_REBALANCE_INTERVAL_MS}
 * @param schemaRegistryUserInfo    {@code SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO}, hidden when printed
 * @param kafkaSecurity             {@code KAFKA_CLIENT_CONFIG_FILE} and the {@code KAFKA_SECURITY_PROTOCOL},
 *                                  {@code KAFKA_SASL_*}, {@code KAFKA_SSL_*} variables over it: the security
 *                                  settings of every Kafka client of the app (streams, its admin clients)
 */
public record AppConfig(String bootstrapServers, String schemaRegistryUrl, String applicationId,
                        String processingGuarantee, Path stateDir, int numStreamThreads, int numStandbyReplicas,
                        Duration commitInterval, long cacheMaxBytes, int replicationFactor, int httpPort,
                        HttpSettings http, String applicationServer, String popCapacityTopic, String partnerOnboardingTopic,
                        String popCapacityDlqTopic, String partnerOnboardingDlqTopic,
                        Duration futureTolerance, Duration queryTimeout, Duration shutdownTimeout,
                        Duration livenessStall, int rocksDbMemoryMb, StateStores stateStores,
                        Duration sessionTimeout, Duration heartbeatInterval, Duration peerConnectTimeout,
                        String groupProtocol, Duration transactionTimeout, long acceptableRecoveryLag,
                        Duration probingRebalanceInterval,
                        Optional<Password> schemaRegistryUserInfo, KafkaClientSecurity kafkaSecurity) {

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

    /** The broker rejects timestamps more than an hour ahead in the internal topics; 55 minutes leaves a margin. */
    private static final long MAX_FUTURE_TOLERANCE_MS = Duration.ofMinutes(55).toMillis();

    private static final Validator NOT_BLANK = LambdaValidator.with((name, value) -> {
        if (value == null || ((String) value).isBlank()) {
            throw new ConfigException(name, value, "must not be blank");
        }
    }, () -> "non-blank string");

    // Null is the declared default: this instance's own localhost:<HTTP_PORT>, known only once HTTP_PORT is.
    private static final Validator HOST_AND_PORT = LambdaValidator.with((name, value) -> {
        if (value != null && !((String) value).matches("[^:\\s]+:\\d{1,5}")) {
            throw new ConfigException(name, value, "must be host:port");
        }
    }, () -> "host:port");

    private static final Validator BROKER_DEFAULT_OR_POSITIVE = LambdaValidator.with((name, value) -> {
        int factor = (Integer) value;
        if (factor == 0 || factor < -1) {
            throw new ConfigException(name, value, "must be -1 (broker default) or positive");
        }
    }, () -> "-1 or [1,...]");

    // A secret: neither echoed in the error nor printed by the record (Kafka's Password prints "[hidden]").
    private static final Validator USER_AND_PASSWORD = LambdaValidator.with((name, value) -> {
        if (value != null && ((Password) value).value().indexOf(':') <= 0) {
            throw new ConfigException(name + " must be user:password");
        }
    }, () -> "user:password");

    private static final String KAFKA_CLIENT_CONFIG_FILE = "KAFKA_CLIENT_CONFIG_FILE";
    /** How the README shows the default of a setting that is simply not set. */
    private static final String UNSET = "unset";

    private static final Validator PROTOCOL = LambdaValidator.with((name, value) -> {
        String protocol = ((String) value).strip().toUpperCase(Locale.ROOT);
        if (!protocol.isEmpty() && !List.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL").contains(protocol)) {
            throw new ConfigException(name, value, "must be PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL");
        }
    }, () -> "[PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL]");

    private static final ConfigDef SETTINGS = new ConfigDef()
            .define("BOOTSTRAP_SERVERS", Type.STRING, "localhost:9092", NOT_BLANK, Importance.HIGH,
                    "Kafka brokers")
            .define("SCHEMA_REGISTRY_URL", Type.STRING, "http://localhost:8081", NOT_BLANK, Importance.HIGH,
                    "schema registry (`mock://scope` in tests)")
            .define("APPLICATION_ID", Type.STRING, "ecosystem-aggregates", NOT_BLANK, Importance.HIGH,
                    "consumer group and internal-topic prefix")
            .define("PROCESSING_GUARANTEE", Type.STRING, EXACTLY_ONCE_V2,
                    CaseInsensitiveValidString.in(EXACTLY_ONCE_V2, AT_LEAST_ONCE), Importance.MEDIUM,
                    "`exactly_once_v2` or `at_least_once`")
            // The default depends on the machine (its temporary directory), so it is documented by what it is made of.
            .define("STATE_DIR", Type.STRING, Path.of(System.getProperty("java.io.tmpdir"), "kafka-streams").toString(),
                    Importance.MEDIUM, "directory of the state stores (RocksDB files, checkpoints)",
                    "<java.io.tmpdir>/kafka-streams")
            .define("NUM_STREAM_THREADS", Type.INT, 1, Range.atLeast(1), Importance.MEDIUM,
                    "stream threads per instance")
            .define("NUM_STANDBY_REPLICAS", Type.INT, 1, Range.atLeast(0), Importance.MEDIUM,
                    "warm copies of each store on other instances, so losing an instance costs no restoration "
                            + "(a lone instance gets none)")
            .define("COMMIT_INTERVAL_MS", Type.LONG, 100L, Range.atLeast(1), Importance.MEDIUM,
                    "commit period; also how long updates coalesce in the cache before they reach the next level")
            .define("CACHE_MAX_BYTES", Type.LONG, 10L * 1024 * 1024, Range.atLeast(0), Importance.LOW,
                    "record cache for all threads")
            .define("REPLICATION_FACTOR", Type.INT, -1, BROKER_DEFAULT_OR_POSITIVE, Importance.MEDIUM,
                    "replication factor of internal topics; -1 takes the broker's default")
            .define("HTTP_PORT", Type.INT, 8080, Range.between(0, 65535), Importance.HIGH,
                    "port of the HTTP API")
            .define("HTTP_HOST", Type.STRING, "0.0.0.0", NOT_BLANK, Importance.HIGH,
                    "address the HTTP API binds: `0.0.0.0` every interface (containers), `127.0.0.1` this "
                            + "machine only (the local run)")
            .define("API_TOKENS_FILE", Type.STRING, null, null, Importance.HIGH,
                    "file of bearer tokens, hashed, with their scopes (see HTTP API, Security); when set, "
                            + "`/api/v1/*` needs a `read` token and `/metrics` a `metrics` token; needs "
                            + "`PEER_SECRET_FILE`",
                    null, -1, Width.NONE, "API_TOKENS_FILE", List.of(), null, "none: the API is open")
            .define("METRICS_PUBLIC", Type.BOOLEAN, false, Importance.MEDIUM,
                    "with `API_TOKENS_FILE`, `true` leaves `/metrics` open to scrapers without a token")
            .define("PEER_SECRET_FILE", Type.STRING, null, null, Importance.HIGH,
                    "file holding the secret (at least 32 characters) instances send each other on forwarded "
                            + "queries; when set, `/internal/v1/*` refuses requests without it; the same file on "
                            + "every instance",
                    null, -1, Width.NONE, "PEER_SECRET_FILE", List.of(), null, "none: internal routes are open")
            .define("HTTP_TLS_KEYSTORE", Type.STRING, null, null, Importance.HIGH,
                    "PKCS12 key store with the server's key and certificate: the API then serves https only, and "
                            + "instances call each other over https; the certificate must name the host of every "
                            + "instance's `APPLICATION_SERVER`",
                    null, -1, Width.NONE, "HTTP_TLS_KEYSTORE", List.of(), null, "none: plain HTTP")
            .define("HTTP_TLS_KEYSTORE_PASSWORD", Type.PASSWORD, null, null, Importance.HIGH,
                    "password of `HTTP_TLS_KEYSTORE` and of its key",
                    null, -1, Width.NONE, "HTTP_TLS_KEYSTORE_PASSWORD", List.of(), null, "none")
            .define("HTTP_TLS_TRUSTSTORE", Type.STRING, null, null, Importance.MEDIUM,
                    "PKCS12 trust store the certificates of other instances are checked against (a key store "
                            + "with a self-signed certificate shared by all instances will do)",
                    null, -1, Width.NONE, "HTTP_TLS_TRUSTSTORE", List.of(), null, "the JDK's certificate authorities")
            .define("HTTP_TLS_TRUSTSTORE_PASSWORD", Type.PASSWORD, null, null, Importance.MEDIUM,
                    "password of `HTTP_TLS_TRUSTSTORE`",
                    null, -1, Width.NONE, "HTTP_TLS_TRUSTSTORE_PASSWORD", List.of(), null, "none")
            .define("APPLICATION_SERVER", Type.STRING, null, HOST_AND_PORT, Importance.HIGH,
                    "host:port other instances reach this one at for interactive queries",
                    null, -1, Width.NONE, "APPLICATION_SERVER", List.of(), null, "localhost:<HTTP_PORT>")
            .define("POP_CAPACITY_TOPIC", Type.STRING, Topics.POP_CAPACITY, NOT_BLANK, Importance.LOW,
                    "input topic of PoP capacity events")
            .define("PARTNER_ONBOARDING_TOPIC", Type.STRING, Topics.PARTNER_ONBOARDING, NOT_BLANK, Importance.LOW,
                    "input topic of partner onboarding events")
            .define("POP_CAPACITY_DLQ_TOPIC", Type.STRING, Topics.POP_CAPACITY_DLQ, NOT_BLANK, Importance.LOW,
                    "dead-letter topic of PoP capacity events that cannot be processed")
            .define("PARTNER_ONBOARDING_DLQ_TOPIC", Type.STRING, Topics.PARTNER_ONBOARDING_DLQ, NOT_BLANK,
                    Importance.LOW, "dead-letter topic of partner onboarding events that cannot be processed")
            .define("FUTURE_TOLERANCE_MS", Type.LONG, Duration.ofMinutes(5).toMillis(),
                    Range.between(0, MAX_FUTURE_TOLERANCE_MS), Importance.LOW,
                    "how far in the future occurredAt may be (at most 55 min: the broker rejects timestamps "
                            + "more than an hour ahead in internal topics)")
            .define("QUERY_TIMEOUT_MS", Type.LONG, 5000L, Range.atLeast(1), Importance.MEDIUM,
                    "bound on a forwarded or fanned-out query; past it the answer is 503 with `Retry-After`")
            .define("SHUTDOWN_TIMEOUT_MS", Type.LONG, 30000L, Range.atLeast(1), Importance.MEDIUM,
                    "bound on a clean shutdown after SIGTERM; past it a thread dump is logged and the process "
                            + "exits with status 1")
            .define("LIVENESS_STALL_MS", Type.LONG, 60000L, Range.atLeast(1), Importance.MEDIUM,
                    "how long a stream thread may go without polling or processing, while its input has records "
                            + "waiting, before `/health/live` answers 503")
            .define("ROCKSDB_MEMORY_MB", Type.INT, 256, Range.atLeast(16), Importance.MEDIUM,
                    "all RocksDB memory of the process: one block cache shared by every store, memtables charged "
                            + "to it (`BoundedRocksDbMemory`)")
            .define("STATE_STORES", Type.STRING, "rocksdb", CaseInsensitiveValidString.in("rocksdb", "in-memory"),
                    Importance.MEDIUM,
                    "`rocksdb` or `in-memory`: in-memory stores live on the heap and are rebuilt from their "
                            + "changelogs at each start (the local run's choice: its state is small, and opening one "
                            + "RocksDB instance per task slows every start)")
            // The group notices a crashed instance only when its session expires; until then the keys
            // of its partitions have no owner to answer. The broker's group.min.session.timeout.ms
            // (6 s by default) is the floor.
            .define("SESSION_TIMEOUT_MS", Type.LONG, 6000L, Range.atLeast(1), Importance.MEDIUM,
                    "how long the group waits for a silent instance before giving its partitions to others "
                            + "(Kafka's default is 45 s); heartbeats come from a background thread, so commits and "
                            + "processing do not count against it, only a process that stops entirely (a crash, "
                            + "a stop-the-world pause longer than this)")
            .define("HEARTBEAT_INTERVAL_MS", Type.LONG, 1500L, Range.atLeast(1), Importance.LOW,
                    "heartbeat period of each stream thread's consumer; at most a third of `SESSION_TIMEOUT_MS`, "
                            + "so that one lost heartbeat is not a lost session")
            .define("PEER_CONNECT_TIMEOUT_MS", Type.LONG, 1000L, Range.atLeast(1), Importance.LOW,
                    "how long a forwarded query waits to connect to the instance that owns the key; a dead "
                            + "peer then costs this, not `QUERY_TIMEOUT_MS`")
            .define("GROUP_PROTOCOL", Type.STRING, "classic", ConfigDef.ValidString.in("classic", "streams"),
                    Importance.LOW,
                    "`group.protocol` of Kafka Streams: `classic` (the consumer group protocol, its session and "
                            + "heartbeat from `SESSION_TIMEOUT_MS`/`HEARTBEAT_INTERVAL_MS`) or `streams` (KIP-1071: the "
                            + "broker assigns tasks; session, heartbeat and standby replicas are then the group's "
                            + "`streams.*` configs on the broker, not these variables)")
            // Under exactly-once, a crashed instance leaves its last transaction open, and whoever takes
            // its tasks over cannot read their committed offsets until the broker aborts it: at this
            // timeout after it began, found by the broker's sweep every
            // transaction.abort.timed.out.transaction.cleanup.interval.ms (10 s by default). Shorter is
            // not safe: a survivor's stream thread keeps its own transaction open while it opens the
            // tasks a rebalance gave it, which took more than 5 s in the fault-injection run (with 5 s, one
            // run had 22 sends refused as from an aborted transaction and 3 stream threads fenced).
            .define("TRANSACTION_TIMEOUT_MS", Type.LONG, 10_000L, Range.atLeast(1), Importance.MEDIUM,
                    "`transaction.timeout.ms` of the app's producers under exactly-once: after a crash, the "
                            + "instances that take its tasks over wait until the broker aborts its open transaction, "
                            + "that is this long after it began plus the broker's sweep interval "
                            + "(`transaction.abort.timed.out.transaction.cleanup.interval.ms`); longer than "
                            + "`COMMIT_INTERVAL_MS`, and than the longest stall of a stream thread (opening the tasks "
                            + "of a rebalance takes seconds): a transaction that outlives it is aborted")
            // Kafka Streams' default (10,000 records) counts a replica as caught up when it is far
            // behind on small or young changelogs; such a replica then takes active tasks at once
            // and its keys answer 503 while it restores. A standby replica is a commit interval
            // behind; anything further back warms up first and takes over at a probing rebalance.
            .define("ACCEPTABLE_RECOVERY_LAG", Type.LONG, 100L, Range.atLeast(0), Importance.LOW,
                    "`acceptable.recovery.lag`: how many changelog records behind an instance may be and still "
                            + "take an active task at once (Kafka Streams' default is 10,000); one further behind "
                            + "first catches up as a warm-up replica, so no key waits for a restoration")
            .define("PROBING_REBALANCE_INTERVAL_MS", Type.LONG, 60_000L, Range.atLeast(60_000), Importance.LOW,
                    "`probing.rebalance.interval.ms`: while warm-up replicas catch up, how often the group "
                            + "checks whether they have (Kafka Streams' default is 10 min, its minimum 1 min)")
            .define("SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO", Type.PASSWORD, null, USER_AND_PASSWORD, Importance.MEDIUM,
                    "`user:password` for a registry with basic auth (sent as Confluent's "
                            + "`basic.auth.credentials.source=USER_INFO`); the app only reads schemas, so a `read` "
                            + "user suffices. Unset: credentials in the user info of `SCHEMA_REGISTRY_URL` are sent, "
                            + "if any", null, -1, Width.NONE, "SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO", List.of(), null, "—")
            // Kafka client security: a file and/or variables, under Kafka's own property names.
            .define(KAFKA_CLIENT_CONFIG_FILE, Type.STRING, "", null, Importance.HIGH,
                    "Kafka client properties file with the security settings (`security.protocol`, `sasl.*`, `ssl.*`, "
                            + "nothing else) of every Kafka client of the app; the `KAFKA_*` variables below override it",
                    null, -1, Width.NONE, KAFKA_CLIENT_CONFIG_FILE, List.of(), null, UNSET)
            .define("KAFKA_SECURITY_PROTOCOL", Type.STRING, "", PROTOCOL, Importance.HIGH,
                    "`security.protocol`: `PLAINTEXT` (when unset), `SSL`, `SASL_PLAINTEXT` or `SASL_SSL`",
                    null, -1, Width.NONE, "KAFKA_SECURITY_PROTOCOL", List.of(), null, UNSET)
            .define("KAFKA_SASL_MECHANISM", Type.STRING, "", null, Importance.HIGH,
                    "`sasl.mechanism`: `SCRAM-SHA-512`, `SCRAM-SHA-256` or `PLAIN`",
                    null, -1, Width.NONE, "KAFKA_SASL_MECHANISM", List.of(), null, UNSET)
            .define("KAFKA_SASL_USERNAME", Type.STRING, "", null, Importance.HIGH,
                    "user name the app logs in with; with `KAFKA_SASL_PASSWORD` it makes `sasl.jaas.config` "
                            + "for the mechanism",
                    null, -1, Width.NONE, "KAFKA_SASL_USERNAME", List.of(), null, UNSET)
            .define("KAFKA_SASL_PASSWORD", Type.PASSWORD, "", null, Importance.HIGH,
                    "password of `KAFKA_SASL_USERNAME` (never logged)",
                    null, -1, Width.NONE, "KAFKA_SASL_PASSWORD", List.of(), null, UNSET)
            .define("KAFKA_SSL_TRUSTSTORE_LOCATION", Type.STRING, "", null, Importance.MEDIUM,
                    "`ssl.truststore.location`: the CA certificates the brokers' certificates are checked against "
                            + "(the JVM's when unset)",
                    null, -1, Width.NONE, "KAFKA_SSL_TRUSTSTORE_LOCATION", List.of(), null, UNSET)
            .define("KAFKA_SSL_TRUSTSTORE_TYPE", Type.STRING, "", null, Importance.LOW,
                    "`ssl.truststore.type`: `PKCS12`, `JKS` or `PEM`",
                    null, -1, Width.NONE, "KAFKA_SSL_TRUSTSTORE_TYPE", List.of(), null, UNSET)
            .define("KAFKA_SSL_TRUSTSTORE_PASSWORD", Type.PASSWORD, "", null, Importance.LOW,
                    "`ssl.truststore.password` (never logged)",
                    null, -1, Width.NONE, "KAFKA_SSL_TRUSTSTORE_PASSWORD", List.of(), null, UNSET)
            .define("KAFKA_SSL_KEYSTORE_LOCATION", Type.STRING, "", null, Importance.MEDIUM,
                    "`ssl.keystore.location`: the app's client certificate and key, for `SSL` with client certificates",
                    null, -1, Width.NONE, "KAFKA_SSL_KEYSTORE_LOCATION", List.of(), null, UNSET)
            .define("KAFKA_SSL_KEYSTORE_TYPE", Type.STRING, "", null, Importance.LOW,
                    "`ssl.keystore.type`: `PKCS12`, `JKS` or `PEM`",
                    null, -1, Width.NONE, "KAFKA_SSL_KEYSTORE_TYPE", List.of(), null, UNSET)
            .define("KAFKA_SSL_KEYSTORE_PASSWORD", Type.PASSWORD, "", null, Importance.LOW,
                    "`ssl.keystore.password` (never logged)",
                    null, -1, Width.NONE, "KAFKA_SSL_KEYSTORE_PASSWORD", List.of(), null, UNSET)
            .define("KAFKA_SSL_KEY_PASSWORD", Type.PASSWORD, "", null, Importance.LOW,
                    "`ssl.key.password`, when the key has its own (never logged)",
                    null, -1, Width.NONE, "KAFKA_SSL_KEY_PASSWORD", List.of(), null, UNSET);

    /** Kafka security variable to the client property it sets; the user name and password make the JAAS line. */
    private static final Map<String, String> SECURITY_PROPERTY_BY_VARIABLE = Map.of(
            "KAFKA_SECURITY_PROTOCOL", "security.protocol",
            "KAFKA_SASL_MECHANISM", "sasl.mechanism",
            "KAFKA_SSL_TRUSTSTORE_LOCATION", "ssl.truststore.location",
            "KAFKA_SSL_TRUSTSTORE_TYPE", "ssl.truststore.type",
            "KAFKA_SSL_TRUSTSTORE_PASSWORD", "ssl.truststore.password",
            "KAFKA_SSL_KEYSTORE_LOCATION", "ssl.keystore.location",
            "KAFKA_SSL_KEYSTORE_TYPE", "ssl.keystore.type",
            "KAFKA_SSL_KEYSTORE_PASSWORD", "ssl.keystore.password",
            "KAFKA_SSL_KEY_PASSWORD", "ssl.key.password");

    /**
     * Also validates a config built directly, with the declared rules, so that no rule is written twice.
     */
    public AppConfig {
        check("BOOTSTRAP_SERVERS", bootstrapServers);
        check("SCHEMA_REGISTRY_URL", schemaRegistryUrl);
        check("APPLICATION_ID", applicationId);
        check("PROCESSING_GUARANTEE", processingGuarantee);
        // Kafka Streams itself only accepts the lower-case spelling.
        processingGuarantee = processingGuarantee.toLowerCase(Locale.ROOT);
        Objects.requireNonNull(stateDir, "STATE_DIR");
        check("NUM_STREAM_THREADS", numStreamThreads);
        check("NUM_STANDBY_REPLICAS", numStandbyReplicas);
        check("COMMIT_INTERVAL_MS", millis("COMMIT_INTERVAL_MS", commitInterval));
        check("CACHE_MAX_BYTES", cacheMaxBytes);
        check("REPLICATION_FACTOR", replicationFactor);
        check("HTTP_PORT", httpPort);
        Objects.requireNonNull(http, "HTTP_HOST");
        check("APPLICATION_SERVER", Objects.requireNonNull(applicationServer, "APPLICATION_SERVER"));
        check("POP_CAPACITY_TOPIC", popCapacityTopic);
        check("PARTNER_ONBOARDING_TOPIC", partnerOnboardingTopic);
        check("POP_CAPACITY_DLQ_TOPIC", popCapacityDlqTopic);
        check("PARTNER_ONBOARDING_DLQ_TOPIC", partnerOnboardingDlqTopic);
        check("FUTURE_TOLERANCE_MS", millis("FUTURE_TOLERANCE_MS", futureTolerance));
        check("QUERY_TIMEOUT_MS", millis("QUERY_TIMEOUT_MS", queryTimeout));
        check("SHUTDOWN_TIMEOUT_MS", millis("SHUTDOWN_TIMEOUT_MS", shutdownTimeout));
        check("LIVENESS_STALL_MS", millis("LIVENESS_STALL_MS", livenessStall));
        check("ROCKSDB_MEMORY_MB", rocksDbMemoryMb);
        Objects.requireNonNull(stateStores, "STATE_STORES");
        check("SESSION_TIMEOUT_MS", millis("SESSION_TIMEOUT_MS", sessionTimeout));
        check("HEARTBEAT_INTERVAL_MS", millis("HEARTBEAT_INTERVAL_MS", heartbeatInterval));
        check("PEER_CONNECT_TIMEOUT_MS", millis("PEER_CONNECT_TIMEOUT_MS", peerConnectTimeout));
        check("TRANSACTION_TIMEOUT_MS", millis("TRANSACTION_TIMEOUT_MS", transactionTimeout));
        check("ACCEPTABLE_RECOVERY_LAG", acceptableRecoveryLag);
        check("PROBING_REBALANCE_INTERVAL_MS", millis("PROBING_REBALANCE_INTERVAL_MS", probingRebalanceInterval));
        check("SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO",
                Objects.requireNonNull(schemaRegistryUserInfo, "SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO").orElse(null));
        Objects.requireNonNull(kafkaSecurity, "kafkaSecurity");
        if (heartbeatInterval.multipliedBy(3).compareTo(sessionTimeout) > 0) {
            throw new IllegalArgumentException("HEARTBEAT_INTERVAL_MS (" + heartbeatInterval.toMillis()
                    + ") must be at most a third of SESSION_TIMEOUT_MS (" + sessionTimeout.toMillis() + ")");
        }
        if (transactionTimeout.compareTo(commitInterval) <= 0) {
            throw new IllegalArgumentException("TRANSACTION_TIMEOUT_MS (" + transactionTimeout.toMillis()
                    + ") must be longer than COMMIT_INTERVAL_MS (" + commitInterval.toMillis()
                    + "): a transaction stays open for one commit interval");
        }
    }

    /**
     * Every setting, keyed by its environment variable: type, default, validation and meaning. A
     * copy, so that no caller can add to it. A default computed at start-up ({@code STATE_DIR},
     * {@code APPLICATION_SERVER}) is documented in the key's {@code alternativeString}.
     */
    public static ConfigDef settings() {
        return new ConfigDef(SETTINGS);
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
     * lower-case names ({@code http.port}); missing or blank values take their defaults.
     */
    public static AppConfig from(Map<String, String> values) {
        Map<String, Object> settings = parse(values);
        int httpPort = (Integer) settings.get("HTTP_PORT");
        String applicationServer = (String) settings.get("APPLICATION_SERVER");
        return new AppConfig(
                (String) settings.get("BOOTSTRAP_SERVERS"),
                (String) settings.get("SCHEMA_REGISTRY_URL"),
                (String) settings.get("APPLICATION_ID"),
                (String) settings.get("PROCESSING_GUARANTEE"),
                Path.of((String) settings.get("STATE_DIR")),
                (Integer) settings.get("NUM_STREAM_THREADS"),
                (Integer) settings.get("NUM_STANDBY_REPLICAS"),
                Duration.ofMillis((Long) settings.get("COMMIT_INTERVAL_MS")),
                (Long) settings.get("CACHE_MAX_BYTES"),
                (Integer) settings.get("REPLICATION_FACTOR"),
                httpPort,
                httpSettings(settings),
                applicationServer == null ? "localhost:" + httpPort : applicationServer,
                (String) settings.get("POP_CAPACITY_TOPIC"),
                (String) settings.get("PARTNER_ONBOARDING_TOPIC"),
                (String) settings.get("POP_CAPACITY_DLQ_TOPIC"),
                (String) settings.get("PARTNER_ONBOARDING_DLQ_TOPIC"),
                Duration.ofMillis((Long) settings.get("FUTURE_TOLERANCE_MS")),
                Duration.ofMillis((Long) settings.get("QUERY_TIMEOUT_MS")),
                Duration.ofMillis((Long) settings.get("SHUTDOWN_TIMEOUT_MS")),
                Duration.ofMillis((Long) settings.get("LIVENESS_STALL_MS")),
                (Integer) settings.get("ROCKSDB_MEMORY_MB"),
                StateStores.parse((String) settings.get("STATE_STORES")),
                Duration.ofMillis((Long) settings.get("SESSION_TIMEOUT_MS")),
                Duration.ofMillis((Long) settings.get("HEARTBEAT_INTERVAL_MS")),
                Duration.ofMillis((Long) settings.get("PEER_CONNECT_TIMEOUT_MS")),
                (String) settings.get("GROUP_PROTOCOL"),
                Duration.ofMillis((Long) settings.get("TRANSACTION_TIMEOUT_MS")),
                (Long) settings.get("ACCEPTABLE_RECOVERY_LAG"),
                Duration.ofMillis((Long) settings.get("PROBING_REBALANCE_INTERVAL_MS")),
                Optional.ofNullable((Password) settings.get("SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO")),
                kafkaSecurity(settings));
    }

    /**
     * What the registry client needs besides its URL: Confluent's basic-auth properties when
     * {@code SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO} is set, else nothing (the client then sends the
     * URL's user info, if any).
     */
    public Map<String, String> schemaRegistryCredentials() {
        return schemaRegistryUserInfo.map(userInfo -> Map.of(
                "basic.auth.credentials.source", "USER_INFO",
                "basic.auth.user.info", userInfo.value())).orElse(Map.of());
    }

    private static HttpSettings httpSettings(Map<String, Object> settings) {
        return new HttpSettings(((String) settings.get("HTTP_HOST")).strip(),
                optionalPath(settings, "API_TOKENS_FILE"),
                (Boolean) settings.get("METRICS_PUBLIC"),
                optionalPath(settings, "PEER_SECRET_FILE"),
                keyStore(settings, "HTTP_TLS_KEYSTORE"),
                keyStore(settings, "HTTP_TLS_TRUSTSTORE"));
    }

    private static Optional<Path> optionalPath(Map<String, Object> settings, String name) {
        return Optional.ofNullable((String) settings.get(name)).map(String::strip).map(Path::of);
    }

    private static Optional<HttpSettings.KeyStoreFile> keyStore(Map<String, Object> settings, String name) {
        Password password = (Password) settings.get(name + "_PASSWORD");
        return optionalPath(settings, name).map(path ->
                new HttpSettings.KeyStoreFile(path, password == null ? new Password("") : password));
    }

    /**
     * The file's settings, if {@code KAFKA_CLIENT_CONFIG_FILE} names one, with the variables over
     * them; a user name and password become the JAAS line of the mechanism.
     */
    private static KafkaClientSecurity kafkaSecurity(Map<String, Object> settings) {
        String file = (String) settings.get(KAFKA_CLIENT_CONFIG_FILE);
        KafkaClientSecurity security = file.isBlank()
                ? KafkaClientSecurity.none() : KafkaClientSecurity.fromFile(Path.of(file.strip()));
        var overrides = new HashMap<String, String>();
        SECURITY_PROPERTY_BY_VARIABLE.forEach((variable, property) -> overrides.put(property, text(settings.get(variable))));
        String username = text(settings.get("KAFKA_SASL_USERNAME"));
        String password = text(settings.get("KAFKA_SASL_PASSWORD"));
        if (username.isBlank() != password.isBlank()) {
            throw new IllegalArgumentException("KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD go together: set both or neither");
        }
        try {
            if (!username.isBlank()) {
                String mechanism = overrides.get("sasl.mechanism").isBlank()
                        ? security.properties().getOrDefault("sasl.mechanism", "") : overrides.get("sasl.mechanism");
                if (mechanism.isBlank()) {
                    throw new IllegalArgumentException("KAFKA_SASL_USERNAME needs KAFKA_SASL_MECHANISM");
                }
                overrides.put(KafkaClientSecurity.SASL_JAAS_CONFIG,
                        KafkaClientSecurity.jaasConfig(mechanism, username.strip(), password));
            }
            return security.with(overrides);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Kafka client security: " + e.getMessage(), e);
        }
    }

    private static String text(Object value) {
        if (value instanceof Password password) {
            return password.value();
        }
        return value == null ? "" : value.toString();
    }

    /** The dotted spelling {@code from} also accepts for {@code name}: {@code http.port}. */
    private static String dottedName(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** Declared settings only, each under its variable name; a blank value counts as unset. */
    private static Map<String, Object> parse(Map<String, String> values) {
        var given = new HashMap<String, String>();
        for (String name : SETTINGS.names()) {
            String raw = values.get(name);
            if (raw == null) {
                raw = values.get(dottedName(name));
            }
            if (raw != null && !raw.isBlank()) {
                given.put(name, raw);
            }
        }
        try {
            return SETTINGS.parse(given);
        } catch (ConfigException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static void check(String name, Object value) {
        Validator validator = SETTINGS.configKeys().get(name).validator;
        if (validator == null) {
            return;
        }
        try {
            validator.ensureValid(name, value);
        } catch (ConfigException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static long millis(String name, Duration value) {
        return Objects.requireNonNull(value, name).toMillis();
    }
}
