package com.cmobile.ecosystem.serde;

import com.cmobile.ecosystem.registry.RegistrySettings;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;

/**
 * The serde properties, under Confluent's names so existing client configs carry over.
 *
 * @param registryUrls        {@value #SCHEMA_REGISTRY_URL}: comma-separated base URLs or {@code mock://<scope>}
 * @param autoRegister        {@value #AUTO_REGISTER_SCHEMAS} (default true): register the record's schema;
 *                            when false, use the subject's latest registered version
 * @param useLatestVersion    {@value #USE_LATEST_VERSION} (default false): with auto-registration off, insist on
 *                            the latest version instead of also accepting an older registered version
 * @param keyStrategy         {@value #KEY_SUBJECT_NAME_STRATEGY} (default TopicNameStrategy)
 * @param valueStrategy       {@value #VALUE_SUBJECT_NAME_STRATEGY} (default TopicNameStrategy)
 * @param keyType             {@value #SPECIFIC_AVRO_KEY_TYPE}: class name of the generated key type
 * @param valueType           {@value #SPECIFIC_AVRO_VALUE_TYPE}: class name of the generated value type
 * @param properties          all properties, handed on to the registry client (basic auth, timeouts); never
 *                            printed by {@link #toString()}, as they may hold the registry password
 */
public record AvroSerdeConfig(
        String registryUrls,
        boolean autoRegister,
        boolean useLatestVersion,
        SubjectNameStrategy keyStrategy,
        SubjectNameStrategy valueStrategy,
        Optional<String> keyType,
        Optional<String> valueType,
        Map<String, ?> properties) {

    public static final String SCHEMA_REGISTRY_URL = RegistrySettings.URL;
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
    public static final String SPECIFIC_AVRO_KEY_TYPE = "specific.avro.key.type";
    public static final String SPECIFIC_AVRO_VALUE_TYPE = "specific.avro.value.type";
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = RegistrySettings.CREDENTIALS_SOURCE;
    public static final String BASIC_AUTH_USER_INFO = RegistrySettings.USER_INFO;
    /** Confluent's older name of {@value #BASIC_AUTH_USER_INFO}, also read (and preferred, as Confluent does). */
    public static final String SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO = RegistrySettings.PREFIXED_USER_INFO;

    public AvroSerdeConfig {
        Objects.requireNonNull(registryUrls, "registryUrls");
        Objects.requireNonNull(keyStrategy, "keyStrategy");
        Objects.requireNonNull(valueStrategy, "valueStrategy");
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(valueType, "valueType");
        properties = Map.copyOf(properties);
    }

    /**
     * Reads the properties; values may be strings or already typed (Boolean, Class).
     *
     * @param properties serde properties as Kafka passes them to {@code configure}
     * @return the config
     * @throws ConfigException when {@value #SCHEMA_REGISTRY_URL} is missing or a value is malformed
     */
    public static AvroSerdeConfig from(Map<String, ?> properties) {
        Objects.requireNonNull(properties, "properties");
        String urls = text(properties, SCHEMA_REGISTRY_URL)
                .orElseThrow(() -> new ConfigException("missing required serde property " + SCHEMA_REGISTRY_URL));
        return new AvroSerdeConfig(urls,
                bool(properties, AUTO_REGISTER_SCHEMAS, true),
                bool(properties, USE_LATEST_VERSION, false),
                strategy(properties, KEY_SUBJECT_NAME_STRATEGY),
                strategy(properties, VALUE_SUBJECT_NAME_STRATEGY),
                typeName(properties, SPECIFIC_AVRO_KEY_TYPE),
                typeName(properties, SPECIFIC_AVRO_VALUE_TYPE),
                withoutNulls(properties));
    }

    /**
     * Reads the properties of a serde that was handed its registry client, so needs no URL.
     */
    static AvroSerdeConfig withInjectedClient(Map<String, ?> properties) {
        Map<String, Object> withUrl = withoutNulls(properties);
        withUrl.putIfAbsent(SCHEMA_REGISTRY_URL, "(injected client)");
        return from(withUrl);
    }

    /** Like the record's, without the properties: they may hold {@value #BASIC_AUTH_USER_INFO}. */
    @Override
    public String toString() {
        return "AvroSerdeConfig[registryUrls=" + registryUrls.replaceAll("//[^/@,]*@", "//***@")
                + ", autoRegister=" + autoRegister + ", useLatestVersion=" + useLatestVersion
                + ", keyStrategy=" + keyStrategy + ", valueStrategy=" + valueStrategy + ", keyType=" + keyType
                + ", valueType=" + valueType + "]";
    }

    /** @return the strategy for keys or values */
    public SubjectNameStrategy strategy(boolean isKey) {
        return isKey ? keyStrategy : valueStrategy;
    }

    /** @return the configured reader type name for keys or values */
    public Optional<String> readerType(boolean isKey) {
        return isKey ? keyType : valueType;
    }

    private static Optional<String> text(Map<String, ?> properties, String key) {
        Object value = properties.get(key);
        return value == null || value.toString().isBlank() ? Optional.empty() : Optional.of(value.toString().strip());
    }

    private static boolean bool(Map<String, ?> properties, String key, boolean defaultValue) {
        Optional<String> value = text(properties, key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        return switch (value.get().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigException(key, value.get(), "must be true or false");
        };
    }

    private static SubjectNameStrategy strategy(Map<String, ?> properties, String key) {
        Object value = properties.get(key);
        if (value == null) {
            return SubjectNameStrategy.TOPIC_NAME;
        }
        String name = value instanceof Class<?> type ? type.getName() : value.toString();
        try {
            return SubjectNameStrategy.parse(name);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, name, e.getMessage());
        }
    }

    private static Optional<String> typeName(Map<String, ?> properties, String key) {
        Object value = properties.get(key);
        if (value instanceof Class<?> type) {
            return Optional.of(type.getName());
        }
        return text(properties, key);
    }

    private static Map<String, Object> withoutNulls(Map<String, ?> properties) {
        var copy = new HashMap<String, Object>();
        properties.forEach((key, value) -> {
            if (key != null && value != null) {
                copy.put(key, value);
            }
        });
        return copy;
    }
}
