package com.cmobile.ecosystem.producers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import com.cmobile.ecosystem.kafka.KafkaClientSecurity;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.LambdaValidator;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Validator;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

/**
 * Everything an {@link EcosystemPublisher} needs to reach Kafka and the schema registry, with the
 * defaults and validation in one place.
 *
 * <p>{@code clientProperties} are passed through untouched to both the Kafka producer and the Avro
 * serializer, so security settings ({@code security.protocol}, {@code sasl.*}, {@code ssl.*}) and
 * registry credentials ({@code basic.auth.credentials.source}, {@code basic.auth.user.info}) work
 * exactly as with any Kafka client. They may also override the producer tuning chosen by
 * {@link #producerProperties()}, except the settings that make publication safe (idempotence,
 * {@code acks=all}, serializers), which are always enforced.
 *
 * <p>{@link #settings()} declares the two settings of its own once, with type, default, validation
 * and meaning; the README's table is checked against it.
 *
 * @param bootstrapServers {@code bootstrap.servers} / {@value #ENV_BOOTSTRAP_SERVERS}
 * @param schemaRegistryUrl {@code schema.registry.url} / {@value #ENV_SCHEMA_REGISTRY_URL}
 * @param clientProperties extra Kafka client / serializer properties, passed through
 */
public record PublisherConfig(String bootstrapServers, String schemaRegistryUrl, Map<String, String> clientProperties) {

    public static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";
    public static final String DEFAULT_SCHEMA_REGISTRY_URL = "http://localhost:8081";

    /** Environment variable naming the brokers. */
    public static final String ENV_BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";
    /** Environment variable naming the schema registry. */
    public static final String ENV_SCHEMA_REGISTRY_URL = "SCHEMA_REGISTRY_URL";
    /**
     * Prefix of environment variables passed through as client properties, as in the usual Kafka
     * container images: {@code KAFKA_SECURITY_PROTOCOL=SASL_SSL} becomes {@code security.protocol}.
     */
    public static final String ENV_CLIENT_PREFIX = "KAFKA_";
    /** Prefix of environment variables passed through as registry client properties. */
    public static final String ENV_REGISTRY_PREFIX = "SCHEMA_REGISTRY_";

    /** {@code linger.ms} of {@link #forBulkPublication()}. */
    public static final int BULK_LINGER_MS = 100;

    private static final String REGISTRY_URL_KEY = "schema.registry.url";

    private static final Validator NOT_BLANK = LambdaValidator.with((name, value) -> {
        if (value == null || ((String) value).isBlank()) {
            throw new ConfigException(name, value, "must not be blank");
        }
    }, () -> "non-blank string");

    private static final ConfigDef SETTINGS = new ConfigDef();
    /** Property name to environment variable, in declaration order. */
    private static final Map<String, String> ENVIRONMENT_VARIABLES = new LinkedHashMap<>();

    static {
        declare(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ENV_BOOTSTRAP_SERVERS, DEFAULT_BOOTSTRAP_SERVERS,
                "bootstrap servers", "comma-separated `host:port` list of Kafka brokers");
        declare(REGISTRY_URL_KEY, ENV_SCHEMA_REGISTRY_URL, DEFAULT_SCHEMA_REGISTRY_URL,
                "schema registry URL", "comma-separated schema registry URLs (`mock://scope` in tests)");
    }

    public PublisherConfig {
        bootstrapServers = valid(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        schemaRegistryUrl = valid(REGISTRY_URL_KEY, schemaRegistryUrl);
        clientProperties = Map.copyOf(Objects.requireNonNull(clientProperties, "clientProperties"));
    }

    /**
     * The settings a publisher takes, keyed by property name: type, default, validation, meaning,
     * and as display name the words error messages use. A copy, so that no caller can add to it.
     * Every other property is passed through to the clients.
     */
    public static ConfigDef settings() {
        return new ConfigDef(SETTINGS);
    }

    /** The environment variable of each setting, keyed by property name. */
    public static Map<String, String> environmentVariables() {
        return Collections.unmodifiableMap(ENVIRONMENT_VARIABLES);
    }

    /** localhost broker and registry, nothing else. */
    public static PublisherConfig defaults() {
        return from(Map.of(), Map.of());
    }

    /**
     * From Kafka-style properties: {@code bootstrap.servers} and {@code schema.registry.url} (defaults
     * above); every other property is passed through to the client.
     */
    public static PublisherConfig fromProperties(Properties properties) {
        var passThrough = new TreeMap<String, String>();
        for (String name : properties.stringPropertyNames()) {
            passThrough.put(name, properties.getProperty(name));
        }
        var declared = new TreeMap<String, String>();
        for (String property : SETTINGS.names()) {
            String value = passThrough.remove(property);
            if (value != null) {
                declared.put(property, value);
            }
        }
        return from(declared, passThrough);
    }

    /**
     * From environment variables: {@value #ENV_BOOTSTRAP_SERVERS}, {@value #ENV_SCHEMA_REGISTRY_URL};
     * other {@code KAFKA_X_Y} become {@code x.y} and {@code SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO}-style
     * variables become {@code basic.auth.user.info}.
     */
    public static PublisherConfig fromEnvironment(Map<String, String> env) {
        var declared = new TreeMap<String, String>();
        ENVIRONMENT_VARIABLES.forEach((property, variable) -> {
            if (env.containsKey(variable)) {
                declared.put(property, env.get(variable));
            }
        });
        var passThrough = new TreeMap<String, String>();
        env.forEach((name, value) -> {
            if (ENVIRONMENT_VARIABLES.containsValue(name)) {
                return;
            }
            if (name.startsWith(ENV_CLIENT_PREFIX)) {
                passThrough.put(toPropertyName(name.substring(ENV_CLIENT_PREFIX.length())), value);
            } else if (name.startsWith(ENV_REGISTRY_PREFIX)) {
                passThrough.put(toPropertyName(name.substring(ENV_REGISTRY_PREFIX.length())), value);
            }
        });
        saslLoginFromUserAndPassword(passThrough);
        return from(declared, passThrough);
    }

    /**
     * {@code KAFKA_SASL_USERNAME} and {@code KAFKA_SASL_PASSWORD}, as the streams app reads them:
     * Kafka clients have no such properties, so together they become the {@code sasl.jaas.config}
     * of {@code KAFKA_SASL_MECHANISM} (SCRAM or PLAIN), unless one is given.
     */
    private static void saslLoginFromUserAndPassword(Map<String, String> passThrough) {
        String username = passThrough.remove("sasl.username");
        String password = passThrough.remove("sasl.password");
        if (username == null && password == null) {
            return;
        }
        if (username == null || password == null) {
            throw new IllegalArgumentException(ENV_CLIENT_PREFIX + "SASL_USERNAME and " + ENV_CLIENT_PREFIX
                    + "SASL_PASSWORD go together: set both or neither");
        }
        String mechanism = passThrough.get("sasl.mechanism");
        if (mechanism == null) {
            throw new IllegalArgumentException(ENV_CLIENT_PREFIX + "SASL_USERNAME needs " + ENV_CLIENT_PREFIX + "SASL_MECHANISM");
        }
        passThrough.putIfAbsent("sasl.jaas.config", KafkaClientSecurity.jaasConfig(mechanism, username, password));
    }

    public PublisherConfig withBootstrapServers(String servers) {
        return new PublisherConfig(servers, schemaRegistryUrl, clientProperties);
    }

    public PublisherConfig withSchemaRegistryUrl(String url) {
        return new PublisherConfig(bootstrapServers, url, clientProperties);
    }

    /** A copy with {@code extra} added to (and overriding) the pass-through properties. */
    public PublisherConfig withClientProperties(Map<String, String> extra) {
        var merged = new TreeMap<>(clientProperties);
        merged.putAll(extra);
        return new PublisherConfig(bootstrapServers, schemaRegistryUrl, merged);
    }

    /**
     * A copy for publishing a backlog in bulk (a file, a replay), where no single event waits for
     * its acknowledgement: {@code linger.ms} {@value #BULK_LINGER_MS} unless set explicitly, so that
     * batches fill up. Fewer, fuller batches cost the producer's I/O thread and the broker less CPU
     * (a million events on a 2-core machine: I/O thread 1.3–1.6 s instead of 2.0–2.2 s, broker
     * 0.9–1.3 s instead of 1.4–2.2 s).
     */
    public PublisherConfig forBulkPublication() {
        if (clientProperties.containsKey(ProducerConfig.LINGER_MS_CONFIG)) {
            return this;
        }
        return withClientProperties(Map.of(ProducerConfig.LINGER_MS_CONFIG, String.valueOf(BULK_LINGER_MS)));
    }

    /**
     * Producer settings: safe (idempotent, {@code acks=all}) and tuned for throughput (lz4, 10 ms
     * linger, 256 KiB batches, 64 MiB of buffer that bounds the memory held by unacknowledged events).
     */
    public Map<String, Object> producerProperties() {
        var props = new TreeMap<String, Object>();
        props.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(64L * 1024 * 1024));
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(4 * 1024 * 1024));
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "ecosystem-publisher");
        props.putAll(clientProperties);
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        // Idempotence keeps per-partition order with up to 5 requests in flight; more would break it.
        int inFlight = Integer.parseInt(String.valueOf(
                props.getOrDefault(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5")));
        if (inFlight < 1 || inFlight > 5) {
            throw new IllegalArgumentException(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION
                    + " must be 1..5 for an idempotent producer, was " + inFlight);
        }
        props.remove(REGISTRY_URL_KEY);
        return props;
    }

    /**
     * Settings for an admin client reaching the same cluster (the CLI's reachability check): the
     * pass-through properties and the brokers.
     */
    public Map<String, Object> adminProperties() {
        var props = new TreeMap<String, Object>(clientProperties);
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return props;
    }

    /** Settings for the Avro value serializer: registry URL plus every pass-through property. */
    public Map<String, Object> serializerProperties() {
        var props = new TreeMap<String, Object>(clientProperties);
        props.put(REGISTRY_URL_KEY, schemaRegistryUrl);
        return props;
    }

    /**
     * The brokers, the registry and the pass-through properties, with the value of every secret one
     * ({@code sasl.jaas.config}, passwords, {@code basic.auth.user.info}, tokens) hidden: safe to log.
     */
    @Override
    public String toString() {
        var shown = new TreeMap<String, String>();
        clientProperties.forEach((key, value) -> shown.put(key, isSecret(key) ? "[hidden]" : value));
        return "PublisherConfig[bootstrapServers=" + bootstrapServers + ", schemaRegistryUrl=" + schemaRegistryUrl
                + ", clientProperties=" + shown + "]";
    }

    private static boolean isSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return lower.contains("password") || lower.contains("jaas") || lower.contains("user.info")
                || lower.contains("secret") || lower.contains("token") || lower.endsWith(".key")
                || lower.contains("keystore.key") || lower.contains("credentials");
    }

    private static String toPropertyName(String envSuffix) {
        return envSuffix.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    private static void declare(String property, String environmentVariable, String defaultValue,
                                String displayName, String documentation) {
        SETTINGS.define(property, Type.STRING, defaultValue, NOT_BLANK, Importance.HIGH, documentation,
                null, -1, Width.NONE, displayName);
        ENVIRONMENT_VARIABLES.put(property, environmentVariable);
    }

    /** Declared values given (else their defaults) and the pass-through rest; validated by the constructor. */
    private static PublisherConfig from(Map<String, String> declared, Map<String, String> passThrough) {
        return new PublisherConfig(
                declared.getOrDefault(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        (String) SETTINGS.configKeys().get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG).defaultValue),
                declared.getOrDefault(REGISTRY_URL_KEY,
                        (String) SETTINGS.configKeys().get(REGISTRY_URL_KEY).defaultValue),
                passThrough);
    }

    /** Stripped, or refused naming the setting both ways it can be given. */
    private static String valid(String property, String value) {
        ConfigKey key = SETTINGS.configKeys().get(property);
        try {
            key.validator.ensureValid(property, value);
        } catch (ConfigException e) {
            throw new IllegalArgumentException(
                    key.displayName + " (" + ENVIRONMENT_VARIABLES.get(property) + "): " + e.getMessage(), e);
        }
        return value.strip();
    }
}
