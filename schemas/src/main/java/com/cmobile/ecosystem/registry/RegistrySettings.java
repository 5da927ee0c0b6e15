package com.cmobile.ecosystem.registry;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a schema registry is and how to talk to it, read from Confluent's client property names.
 *
 * @param baseUrls       one or more base URLs, tried in order
 * @param userInfo       {@code user:password} for HTTP basic auth, when configured
 * @param connectTimeout how long to wait for a connection
 * @param requestTimeout how long to wait for an answer
 */
public record RegistrySettings(List<URI> baseUrls, Optional<String> userInfo, Duration connectTimeout, Duration requestTimeout) {

    /** Comma-separated base URLs. */
    public static final String URL = "schema.registry.url";
    /** {@code USER_INFO} (take {@link #USER_INFO}) or {@code URL} (take the user info of the URL). */
    public static final String CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    /** {@code user:password} for HTTP basic auth. */
    public static final String USER_INFO = "basic.auth.user.info";
    /**
     * The prefix Confluent's clients also accept: {@value #PREFIXED_USER_INFO} (the older name in
     * Confluent's Java client, which wins over {@value #USER_INFO} there, and here) and
     * {@value #PREFIXED_CREDENTIALS_SOURCE} (how Confluent's Python {@code AvroProducer} takes it).
     */
    public static final String CLIENT_PREFIX = "schema.registry.";
    /** {@value #USER_INFO} under {@value #CLIENT_PREFIX}. */
    public static final String PREFIXED_USER_INFO = CLIENT_PREFIX + USER_INFO;
    /** {@value #CREDENTIALS_SOURCE} under {@value #CLIENT_PREFIX}, read when the unprefixed key is absent. */
    public static final String PREFIXED_CREDENTIALS_SOURCE = CLIENT_PREFIX + CREDENTIALS_SOURCE;
    /** Connect timeout in milliseconds. */
    public static final String CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
    /** Request (read) timeout in milliseconds. */
    public static final String READ_TIMEOUT_MS = "http.read.timeout.ms";

    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    public RegistrySettings {
        baseUrls = List.copyOf(baseUrls);
        if (baseUrls.isEmpty()) {
            throw new IllegalArgumentException("at least one schema registry URL is needed");
        }
        Objects.requireNonNull(userInfo, "userInfo");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    /**
     * Reads the settings from serde or client properties.
     *
     * @param urls   comma-separated base URLs, for example {@code "http://a:8081,http://b:8081"}
     * @param config the other properties; unknown keys are ignored
     * @return the settings
     * @throws IllegalArgumentException when a URL or a value is malformed
     */
    public static RegistrySettings from(String urls, Map<String, ?> config) {
        List<URI> baseUrls = parseUrls(urls);
        String source = text(config, CREDENTIALS_SOURCE).or(() -> text(config, PREFIXED_CREDENTIALS_SOURCE))
                .orElse("URL").toUpperCase(Locale.ROOT);
        Optional<String> userInfo = switch (source) {
            case "USER_INFO" -> Optional.of(userInfo(config));
            // With URL, credentials come from each URL's user info, per request.
            case "URL" -> Optional.empty();
            default -> throw new IllegalArgumentException(CREDENTIALS_SOURCE + " '" + source
                    + "' is not supported; use USER_INFO or URL");
        };
        return new RegistrySettings(baseUrls, userInfo,
                millis(config, CONNECT_TIMEOUT_MS).orElse(DEFAULT_CONNECT_TIMEOUT),
                millis(config, READ_TIMEOUT_MS).orElse(DEFAULT_REQUEST_TIMEOUT));
    }

    private static String userInfo(Map<String, ?> config) {
        String userInfo = text(config, PREFIXED_USER_INFO).or(() -> text(config, USER_INFO)).orElseThrow(() ->
                new IllegalArgumentException(CREDENTIALS_SOURCE + "=USER_INFO needs " + USER_INFO + " (user:password)"));
        if (userInfo.indexOf(':') <= 0) {
            // The value is a secret: say what is wrong with it without repeating it.
            throw new IllegalArgumentException(USER_INFO + " must be user:password (a user name, a colon, the password)");
        }
        return userInfo;
    }

    /** The user name of the configured credentials, for messages; never the password. */
    public Optional<String> userName() {
        return userInfo.map(RegistrySettings::userNameOf);
    }

    /** Like the record's, but the credentials are hidden. */
    @Override
    public String toString() {
        return "RegistrySettings[baseUrls=" + baseUrls.stream().map(RegistrySettings::redacted).toList()
                + ", user=" + userName().orElse("(none)") + ", connectTimeout=" + connectTimeout
                + ", requestTimeout=" + requestTimeout + "]";
    }

    static List<URI> parseUrls(String urls) {
        if (urls == null || urls.isBlank()) {
            throw new IllegalArgumentException(URL + " is missing");
        }
        return Arrays.stream(urls.split(","))
                .map(String::strip)
                .filter(url -> !url.isEmpty())
                .map(RegistrySettings::parseUrl)
                .toList();
    }

    private static URI parseUrl(String url) {
        String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        URI uri;
        try {
            uri = URI.create(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(URL + " has a malformed URL '" + redacted(url) + "'", e);
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException(URL + " needs absolute URLs like http://host:8081, got '" + redacted(url) + "'");
        }
        return uri;
    }

    /** The part of {@code user:password} before the first colon. */
    static String userNameOf(String userInfo) {
        int colon = userInfo.indexOf(':');
        return colon < 0 ? userInfo : userInfo.substring(0, colon);
    }

    static Optional<String> userInfoOf(URI base) {
        return Optional.ofNullable(base.getRawUserInfo())
                .map(raw -> URLDecoder.decode(raw, StandardCharsets.UTF_8));
    }

    static String withoutUserInfo(URI base) {
        String text = base.toString();
        String rawUserInfo = base.getRawUserInfo();
        return rawUserInfo == null ? text : text.replace(rawUserInfo + "@", "");
    }

    /** A URL fit for messages and logs: its user info, which holds credentials, is removed. */
    static String redacted(URI base) {
        return withoutUserInfo(base);
    }

    private static String redacted(String url) {
        int at = url.indexOf('@');
        int scheme = url.indexOf("://");
        return at > 0 && scheme > 0 && at > scheme ? url.substring(0, scheme + 3) + "***@" + url.substring(at + 1) : url;
    }

    private static Optional<String> text(Map<String, ?> config, String key) {
        Object value = config.get(key);
        return value == null || value.toString().isBlank() ? Optional.empty() : Optional.of(value.toString().strip());
    }

    private static Optional<Duration> millis(Map<String, ?> config, String key) {
        return text(config, key).map(value -> {
            try {
                long ms = Long.parseLong(value);
                if (ms <= 0) {
                    throw new IllegalArgumentException(key + " must be positive, was " + value);
                }
                return Duration.ofMillis(ms);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be a number of milliseconds, was '" + value + "'", e);
            }
        });
    }
}
