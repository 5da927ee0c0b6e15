package com.cmobile.ecosystem.kafka;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The security settings of a Kafka client, under Kafka's own property names
 * ({@code security.protocol}, {@code sasl.mechanism}, {@code sasl.jaas.config},
 * {@code ssl.truststore.*}, {@code ssl.keystore.*}, {@code ssl.key.password}), checked once: a
 * protocol Kafka knows; SASL with a mechanism and its login; no SASL or keystore settings that the
 * protocol would silently ignore; store files that exist. {@link #toString()} names the protocol,
 * mechanism, user and store files, never a password or the JAAS line.
 *
 * <p>{@code SASL_SSL} with SCRAM-SHA-512, {@code SASL_PLAINTEXT}, and {@code SSL} with a client
 * certificate are what the pipeline is tested with; any other setting under {@code sasl.} or
 * {@code ssl.} is passed through to the clients as given.
 */
public final class KafkaClientSecurity {

    public static final String SECURITY_PROTOCOL = "security.protocol";
    public static final String SASL_MECHANISM = "sasl.mechanism";
    public static final String SASL_JAAS_CONFIG = "sasl.jaas.config";

    private static final List<String> PROTOCOLS = List.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
    private static final Pattern JAAS_USERNAME = Pattern.compile("username\\s*=\\s*\"([^\"]*)\"");
    private static final KafkaClientSecurity NONE = new KafkaClientSecurity(Map.of());

    private final Map<String, String> properties;

    private KafkaClientSecurity(Map<String, String> properties) {
        this.properties = Map.copyOf(properties);
    }

    /** PLAINTEXT: no settings at all. */
    public static KafkaClientSecurity none() {
        return NONE;
    }

    /**
     * Checked security settings.
     *
     * @throws IllegalArgumentException naming the setting that is wrong, never its secret value
     */
    public static KafkaClientSecurity of(Map<String, String> settings) {
        var properties = new TreeMap<String, String>();
        settings.forEach((key, value) -> {
            if (value != null && !value.isBlank()) {
                properties.put(key.strip(), value.strip());
            }
        });
        for (String key : properties.keySet()) {
            if (!isSecuritySetting(key)) {
                throw new IllegalArgumentException("'" + key + "' is not a Kafka security setting: only "
                        + SECURITY_PROTOCOL + ", sasl.* and ssl.* belong here");
            }
        }
        String protocol = properties.getOrDefault(SECURITY_PROTOCOL, "PLAINTEXT").toUpperCase(Locale.ROOT);
        if (!PROTOCOLS.contains(protocol)) {
            throw new IllegalArgumentException(SECURITY_PROTOCOL + " must be one of " + PROTOCOLS + ", was '"
                    + properties.get(SECURITY_PROTOCOL) + "'");
        }
        if (properties.containsKey(SECURITY_PROTOCOL)) {
            properties.put(SECURITY_PROTOCOL, protocol);
        }
        boolean sasl = protocol.startsWith("SASL_");
        boolean tls = protocol.endsWith("SSL");
        List<String> sasls = properties.keySet().stream().filter(key -> key.startsWith("sasl.")).toList();
        if (!sasl && !sasls.isEmpty()) {
            throw new IllegalArgumentException(sasls + " given but " + SECURITY_PROTOCOL + " is " + protocol
                    + ": the client would connect without them; use SASL_SSL or SASL_PLAINTEXT");
        }
        List<String> ssls = properties.keySet().stream().filter(key -> key.startsWith("ssl.")).toList();
        if (!tls && !ssls.isEmpty()) {
            throw new IllegalArgumentException(ssls + " given but " + SECURITY_PROTOCOL + " is " + protocol
                    + ": the client would connect without TLS; use SSL or SASL_SSL");
        }
        if (sasl) {
            String mechanism = properties.get(SASL_MECHANISM);
            if (mechanism == null) {
                throw new IllegalArgumentException(SECURITY_PROTOCOL + " " + protocol + " needs " + SASL_MECHANISM
                        + " (SCRAM-SHA-512, SCRAM-SHA-256 or PLAIN)");
            }
            if (needsLogin(mechanism) && !properties.containsKey(SASL_JAAS_CONFIG)) {
                throw new IllegalArgumentException(SASL_MECHANISM + " " + mechanism + " needs " + SASL_JAAS_CONFIG
                        + " (or a user name and password)");
            }
        }
        for (String store : List.of("ssl.truststore.location", "ssl.keystore.location")) {
            String location = properties.get(store);
            if (location != null && !Files.isReadable(Path.of(location))) {
                throw new IllegalArgumentException(store + " " + location + " does not exist or is not readable");
            }
        }
        return new KafkaClientSecurity(properties);
    }

    /**
     * The security settings of a Java client properties file ({@code security.protocol}, {@code sasl.*},
     * {@code ssl.*}), checked as {@link #of(Map)} does; any other key is refused, naming it.
     */
    public static KafkaClientSecurity fromFile(Path file) {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("Kafka client properties file " + file + " does not exist or is not readable");
        }
        var loaded = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            loaded.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read Kafka client properties " + file, e);
        }
        var settings = new HashMap<String, String>();
        loaded.stringPropertyNames().forEach(name -> settings.put(name, loaded.getProperty(name)));
        try {
            return of(settings);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** These settings with {@code overrides} on top (a blank value leaves a setting as it was), checked again. */
    public KafkaClientSecurity with(Map<String, String> overrides) {
        var merged = new HashMap<>(properties);
        overrides.forEach((key, value) -> {
            if (value != null && !value.isBlank()) {
                merged.put(key, value);
            }
        });
        return of(merged);
    }

    /**
     * {@code sasl.jaas.config} for {@code username} and {@code password} with {@code mechanism}:
     * Kafka's SCRAM login module for SCRAM-SHA-256/512, its PLAIN one for PLAIN.
     */
    public static String jaasConfig(String mechanism, String username, String password) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        String module = switch (mechanism.toUpperCase(Locale.ROOT)) {
            case "SCRAM-SHA-256", "SCRAM-SHA-512" -> "org.apache.kafka.common.security.scram.ScramLoginModule";
            case "PLAIN" -> "org.apache.kafka.common.security.plain.PlainLoginModule";
            default -> throw new IllegalArgumentException("a user name and password log in with SCRAM-SHA-256, "
                    + "SCRAM-SHA-512 or PLAIN, not " + mechanism + "; give " + SASL_JAAS_CONFIG + " instead");
        };
        return module + " required username=\"" + quoted(username) + "\" password=\"" + quoted(password) + "\";";
    }

    /** The settings, to add to a client's configuration. */
    public Map<String, String> properties() {
        return properties;
    }

    /** {@code clientProperties} with these settings added (a copy). */
    public Map<String, Object> applyTo(Map<String, ?> clientProperties) {
        var merged = new HashMap<String, Object>(clientProperties);
        merged.putAll(properties);
        return merged;
    }

    public String protocol() {
        return properties.getOrDefault(SECURITY_PROTOCOL, "PLAINTEXT");
    }

    public boolean isPlaintext() {
        return "PLAINTEXT".equals(protocol());
    }

    /** Protocol, mechanism, user, store files: what may be logged. */
    @Override
    public String toString() {
        var text = new StringBuilder(protocol());
        if (properties.containsKey(SASL_MECHANISM)) {
            text.append(", ").append(properties.get(SASL_MECHANISM));
        }
        String jaas = properties.get(SASL_JAAS_CONFIG);
        if (jaas != null) {
            Matcher user = JAAS_USERNAME.matcher(jaas);
            text.append(user.find() ? ", user " + user.group(1) : ", JAAS login");
        }
        if (properties.containsKey("ssl.truststore.location")) {
            text.append(", truststore ").append(properties.get("ssl.truststore.location"));
        }
        if (properties.containsKey("ssl.keystore.location")) {
            text.append(", client certificate ").append(properties.get("ssl.keystore.location"));
        }
        return text.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KafkaClientSecurity that && properties.equals(that.properties);
    }

    @Override
    public int hashCode() {
        return properties.hashCode();
    }

    private static boolean isSecuritySetting(String key) {
        return key.equals(SECURITY_PROTOCOL) || key.startsWith("sasl.") || key.startsWith("ssl.");
    }

    private static boolean needsLogin(String mechanism) {
        return !mechanism.equalsIgnoreCase("GSSAPI") && !mechanism.equalsIgnoreCase("OAUTHBEARER");
    }

    private static String quoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
