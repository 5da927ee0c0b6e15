package com.cmobile.ecosystem.app.it.http;

import com.cmobile.ecosystem.app.query.PeerSecret;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random requests against the API, from a seed: a route of the API with its segments filled by real
 * or hostile values, or plain garbage; random query parameters (the API's own names and others,
 * with valid, malformed and oversized values); random headers (credentials right and wrong,
 * oversized, many); sometimes another method, a body, or a path or header far beyond any limit.
 */
final class FuzzRequests {

    /** One request: what to print when it goes wrong, and the bytes to send. */
    record Request(String method, String target, List<String> headers, int bodyLength, byte[] bytes) {
        String describe() {
            String shown = target.length() > 300 ? target.substring(0, 300) + "...(" + target.length() + " chars)" : target;
            return method + " " + shown + " headers=" + headers.stream()
                    .map(h -> h.length() > 80 ? h.substring(0, 80) + "...(" + h.length() + ")" : h).toList()
                    + (bodyLength > 0 ? " body=" + bodyLength + " bytes" : "");
        }

        boolean head() {
            return method.equals("HEAD");
        }
    }

    private static final List<String> ROUTES = List.of(
            "/api/v1/capacity", "/api/v1/capacity/regions", "/api/v1/capacity/regions/{region}",
            "/api/v1/capacity/countries", "/api/v1/capacity/countries/{country}",
            "/api/v1/capacity/countries/{country}/cities", "/api/v1/capacity/countries/{country}/cities/{city}",
            "/api/v1/capacity/business-locations", "/api/v1/capacity/business-locations/{name}",
            "/api/v1/capacity/history", "/api/v1/pops/{popId}", "/api/v1/alliance",
            "/api/v1/alliance/programs/{program}", "/api/v1/alliance/programs/{program}/regions",
            "/api/v1/alliance/programs/{program}/growth", "/api/v1/alliance/programs/{program}/history",
            "/api/v1/alliance/programs/{program}/partners", "/api/v1/partners/{partnerId}", "/api/v1/instances",
            "/internal/v1/stores/{store}/key", "/internal/v1/stores/{store}/range", "/internal/v1/instance",
            "/health/live", "/health/ready", "/metrics");
    private static final List<String> SEGMENTS = List.of(
            "EUROPE", "europe", "ASIA", "FR", "fr", "US", "ZZ", "Paris", "paris", "%20Paris%20", "GTI", "gti", "ISTAR",
            "NOPE", "CM%20FR", "pop-1", "partner-1", "country-capacity-store", "pop-state-store", "not-a-store", "",
            " ", "%20", "%00", "%2F", "%2f..%2f", "..", ".", "%2e%2e", "%", "%zz", "%C0%AF", "%E6%9D%B1%E4%BA%AC",
            "東京", "é", "\u0000", "\t", "'\"<script>alert(1)</script>", "${jndi:ldap://x/a}", "null", "-1", "0",
            "99999999999999999999", "NaN", "\\", ";", ";jsessionid=1", "?", "#", "*", "{region}", ":region",
            "a/b", "~", "%25", "+", "%2B", "\uFFFF", "\uD83D\uDE00");
    private static final List<String> PARAMS = List.of(
            "asOf", "limit", "offset", "after", "from", "to", "by", "stale", "partial", "region", "country", "key",
            "prefix", "where", "equals", "program", "city", "x", "", "asof", "LIMIT", "%", "a%zzb", "東");
    private static final List<String> VALUES = List.of(
            "2023-12-31", "2023-12-31T18:00:00Z", "2023-02-30", "2023-13-01", "9999-12-31", "0000-01-01",
            "+1000000000-01-01", "-999999999-01-01", "2023-12-31T25:00:00Z", "1970-01-01T00:00:00Z",
            "2000-01-01", "2100-01-01", "0", "-1", "1", "100", "1000", "1001", "2147483647", "2147483648",
            "-2147483649", "99999999999999999999", "1e3", "0x10", "true", "false", "TRUE", "yes", "", "day", "week",
            "month", "year", "decade", "DAY", "QU1FUklDQVM", "R1RJfEFNRVJJQ0FT", "!!!", "====", "%", "%zz", "%00",
            "/capacityMbps", "/", "~1", "~2", "/a~", "EUROPE", "FR", "GTI", "null", "[]", "{}", "%E6%9D%B1",
            "' OR '1'='1", "../../etc/passwd", "\uD83D\uDE00");
    private static final List<String> METHODS = List.of(
            "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH", "TRACE", "CONNECT", "FOO", "get", "PRI");

    private final Random random;
    private final List<String> credentials;

    /** @param credentials Authorization header values to try (valid tokens among them) */
    FuzzRequests(long seed, List<String> credentials) {
        this.random = new Random(seed);
        this.credentials = List.copyOf(credentials);
    }

    Request next(int port) {
        String method = chance(0.85) ? "GET" : pick(METHODS);
        String target = path() + query();
        List<String> headers = new ArrayList<>();
        if (!chance(0.02)) {
            headers.add("Host: " + (chance(0.95) ? "127.0.0.1:" + port : pick(List.of("", "x", "a b", "[::1", "h:99999"))));
        }
        if (chance(0.7)) {
            headers.add("Authorization: " + pick(credentials));
        }
        if (chance(0.1)) {
            headers.add(PeerSecret.HEADER + ": " + pick(List.of("", "x", garbage(40), "a".repeat(64))));
        }
        int extra = chance(0.05) ? 50 + random.nextInt(200) : random.nextInt(4);
        for (int i = 0; i < extra; i++) {
            headers.add(header());
        }
        if (chance(0.03)) {
            headers.add("X-Big: " + "b".repeat(4000 + random.nextInt(60000)));
        }
        byte[] body = new byte[0];
        if (chance(0.08)) {
            int length = chance(0.2) ? 1_000_000 + random.nextInt(2_000_000) : random.nextInt(2000);
            body = new byte[length];
            random.nextBytes(body);
            headers.add("Content-Type: " + pick(List.of("application/json", "text/plain", "application/octet-stream")));
        }
        if (body.length > 0 || chance(0.05)) {
            headers.add("Content-Length: " + body.length);
        }
        headers.add("Connection: close");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes((method + " " + target + " HTTP/1.1\r\n").getBytes(StandardCharsets.UTF_8));
        for (String header : headers) {
            bytes.writeBytes((header + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        bytes.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(body);
        return new Request(method, target, headers, body.length, bytes.toByteArray());
    }

    private String path() {
        double kind = random.nextDouble();
        if (kind < 0.03) {
            return "/" + "p".repeat(8000 + random.nextInt(100_000));
        }
        if (kind < 0.10) {
            StringBuilder path = new StringBuilder();
            for (int i = 0, n = 1 + random.nextInt(6); i < n; i++) {
                path.append(pick(List.of("/", "//", "/api", "/v1", "/api/v2", "/internal", "/health", "/..", "/%2e",
                        "/" + garbage(1 + random.nextInt(20)))));
            }
            return chance(0.9) ? path.toString() : pick(List.of("*", "http://x/api/v1/capacity", "", "api/v1/capacity"));
        }
        String route = pick(ROUTES);
        StringBuilder path = new StringBuilder();
        int at = 0;
        for (int open = route.indexOf('{'); open >= 0; open = route.indexOf('{', at)) {
            path.append(route, at, open);
            path.append(segment());
            at = route.indexOf('}', open) + 1;
        }
        path.append(route.substring(at));
        if (chance(0.05)) {
            path.append(pick(List.of("/", "//", "/extra", "/..", ";x=1", "%2F", "/" + segment())));
        }
        return path.toString();
    }

    private String segment() {
        if (chance(0.03)) {
            return "s".repeat(1000 + random.nextInt(20000));
        }
        String value = chance(0.15) ? garbage(1 + random.nextInt(30)) : pick(SEGMENTS);
        // Mostly encoded, so that most requests get past Jetty's parser to the routes and their parameters.
        return chance(0.75) ? URLEncoder.encode(value, StandardCharsets.UTF_8) : value;
    }

    private String query() {
        if (chance(0.3)) {
            return "";
        }
        StringBuilder query = new StringBuilder("?");
        for (int i = 0, n = 1 + random.nextInt(5); i < n; i++) {
            if (i > 0) {
                query.append(chance(0.95) ? "&" : pick(List.of("&&", ";", "&=&")));
            }
            query.append(pick(PARAMS));
            if (chance(0.9)) {
                String value = chance(0.03) ? "v".repeat(2000 + random.nextInt(50000))
                        : chance(0.1) ? garbage(1 + random.nextInt(30)) : pick(VALUES);
                query.append('=').append(chance(0.75) ? URLEncoder.encode(value, StandardCharsets.UTF_8) : value);
            }
        }
        return query.toString();
    }

    private String header() {
        String name = chance(0.8) ? pick(List.of("Accept", "Accept-Encoding", "Content-Type", "X-Forwarded-For",
                "X-Forwarded-Host", "Forwarded", "Cookie", "User-Agent", "Range", "If-None-Match", "Expect",
                "Transfer-Encoding", "Upgrade", "Origin", "X-Served-By", "Authorization"))
                : garbage(1 + random.nextInt(12));
        String value = chance(0.8) ? pick(List.of("*/*", "application/json", "text/html", "gzip, br", "identity",
                "bytes=0-10", "100-continue", "h2c", "websocket", "1.2.3.4", "for=1.2.3.4;host=x", "a=b",
                "Bearer", "Basic Zm9vOmJhcg==", "chunked", ""))
                : garbage(1 + random.nextInt(50));
        if (name.equals("Transfer-Encoding") && value.equals("chunked")) {
            // A chunked body announced and never sent is a client that stalls, which the server rightly waits for.
            value = "gzip";
        }
        return name + ": " + value;
    }

    /** Printable and unprintable characters, occasionally a CR or LF that breaks the request's framing. */
    private String garbage(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            double kind = random.nextDouble();
            if (kind < 0.7) {
                text.append((char) (0x21 + random.nextInt(0x5e)));
            } else if (kind < 0.9) {
                text.append((char) (0xa0 + random.nextInt(0x3000)));
            } else if (kind < 0.995) {
                text.append((char) random.nextInt(0x20));
            } else {
                text.append(chance(0.5) ? '\r' : '\n');
            }
        }
        return text.toString();
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
