package com.cmobile.ecosystem.app.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * {@link Peers} over HTTP: calls the {@code /internal/v1} endpoints of the other instances at their
 * {@code application.server} address, over http or https, with the {@link PeerSecret} when there
 * is one (never the caller's own credentials). The internal endpoints answer from local stores only,
 * so a forwarded request is never forwarded again.
 */
public final class HttpPeers implements Peers {

    /** Path prefix of the endpoints that answer from local stores only. */
    public static final String INTERNAL = "/internal/v1";

    /** At most this many peer calls run at once on their own threads; past that the caller makes the call. */
    static final int MAX_CONCURRENT_CALLS = 16;

    private final HttpClient client;
    private final ObjectMapper mapper;
    private final Executor calls;
    private final Duration ownerLossDetection;
    private final String scheme;
    private final Optional<PeerSecret> secret;
    /** When each peer that does not answer stopped answering (System.nanoTime), until it answers again. */
    private final ConcurrentMap<Instance, Long> silentSince = new ConcurrentHashMap<>();

    public HttpPeers(HttpClient client, ObjectMapper mapper) {
        this(client, mapper, Duration.ZERO);
    }

    /**
     * @param ownerLossDetection how long the group takes to notice an instance that stopped (its
     *                           session timeout): a key whose owner does not answer is 503 with a
     *                           {@code Retry-After} of what is left of it
     */
    public HttpPeers(HttpClient client, ObjectMapper mapper, Duration ownerLossDetection) {
        this(client, mapper, callExecutor(), ownerLossDetection);
    }

    /**
     * @param https  whether peers serve https ({@code client} then needs an SSL context that trusts them)
     * @param secret sent on every call, when there is one
     */
    public HttpPeers(HttpClient client, ObjectMapper mapper, Duration ownerLossDetection, boolean https,
                     Optional<PeerSecret> secret) {
        this(client, mapper, callExecutor(), ownerLossDetection, https, secret);
    }

    HttpPeers(HttpClient client, ObjectMapper mapper, Executor calls, Duration ownerLossDetection) {
        this(client, mapper, calls, ownerLossDetection, false, Optional.empty());
    }

    HttpPeers(HttpClient client, ObjectMapper mapper, Executor calls, Duration ownerLossDetection, boolean https,
              Optional<PeerSecret> secret) {
        this.client = client;
        this.mapper = mapper;
        this.calls = calls;
        this.ownerLossDetection = ownerLossDetection;
        this.scheme = https ? "https" : "http";
        this.secret = secret;
    }

    /**
     * Where the concurrent calls (fan-out, status) run: a blocking {@code send} on reused daemon
     * threads. Not the JDK client's {@code sendAsync}: it hands every response over to
     * CompletableFuture's default executor, which on a machine or container with two CPUs or fewer
     * (common-pool parallelism 1) starts a new thread for each task (JDK-8204339): a thread per
     * peer answer of every fan-out.
     */
    static ThreadPoolExecutor callExecutor() {
        var threads = new AtomicInteger();
        return new ThreadPoolExecutor(0, MAX_CONCURRENT_CALLS, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                task -> {
                    var thread = new Thread(task, "peer-http-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
    }

    /**
     * An HTTP client suitable for peers: bounded connect time, no redirects, and HTTP/1.1, because
     * on plain http the JDK client otherwise offers an HTTP/2 upgrade that Jetty declines, and
     * kept-alive connections are what a forwarded query needs.
     */
    public static HttpClient defaultClient(Duration connectTimeout) {
        return defaultClient(connectTimeout, Optional.empty());
    }

    /** As {@link #defaultClient(Duration)}, for https with {@code tls} (which decides what to trust). */
    public static HttpClient defaultClient(Duration connectTimeout, Optional<SSLContext> tls) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1);
        tls.ifPresent(builder::sslContext);
        return builder.build();
    }

    @Override
    public Answer<JsonNode> get(Instance peer, String store, String key, boolean stale, Duration timeout) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("key", key);
        query.put("stale", String.valueOf(stale));
        try {
            HttpResponse<String> response = client.send(request(peer, "/stores/" + store + "/key", query, timeout),
                    HttpResponse.BodyHandlers.ofString());
            silentSince.remove(peer);
            if (response.statusCode() != 200) {
                return new Answer.Unavailable<>(peer + " answered HTTP " + response.statusCode() + hint(response)
                        + " for key '" + key + "' of store '" + store + "'", Duration.ofSeconds(1));
            }
            return mapper.readValue(response.body(), KeyReply.class).toAnswer();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unreachable(peer, e);
        } catch (IOException | RuntimeException e) {
            return unreachable(peer, e);
        }
    }

    @Override
    public CompletableFuture<RangeReply> range(Instance peer, String store, KeyRange range, Optional<String> afterKey,
                                               int limit, boolean stale, Duration timeout) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("prefix", range.prefix());
        query.put("from", range.from());
        query.put("to", range.to());
        query.put("where", range.where().pointer());
        query.put("equals", range.where().equalTo());
        afterKey.ifPresent(a -> query.put("after", a));
        query.put("limit", String.valueOf(limit));
        query.put("stale", String.valueOf(stale));
        return call(peer, "/stores/" + store + "/range", query, timeout, RangeReply.class);
    }

    @Override
    public CompletableFuture<InstanceStatus> status(Instance peer, Duration timeout) {
        return call(peer, "/instance", Map.of(), timeout, InstanceStatus.class);
    }

    private <T> CompletableFuture<T> call(Instance peer, String path, Map<String, String> query, Duration timeout,
                                          Class<T> type) {
        HttpRequest request = request(peer, path, query, timeout);
        return CompletableFuture.supplyAsync(() -> {
            HttpResponse<String> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(new IOException("interrupted calling " + peer + " on " + path, e));
            } catch (IOException e) {
                throw new CompletionException(e);
            }
            if (response.statusCode() != 200) {
                throw new CompletionException(new IOException(
                        peer + " answered HTTP " + response.statusCode() + hint(response) + " on " + path));
            }
            try {
                return mapper.readValue(response.body(), type);
            } catch (IOException e) {
                throw new CompletionException(new IOException("unreadable answer from " + peer + " on " + path, e));
            }
        }, calls);
    }

    private HttpRequest request(Instance peer, String path, Map<String, String> query, Duration timeout) {
        String queryString = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        URI uri = URI.create(scheme + "://" + peer.host() + ":" + peer.port() + INTERNAL + path
                + (queryString.isEmpty() ? "" : "?" + queryString));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
        secret.ifPresent(s -> request.header(PeerSecret.HEADER, s.value()));
        return request.GET().build();
    }

    /** What a refusal by a peer usually means: the instances do not share the same peer secret. */
    private static String hint(HttpResponse<String> response) {
        return response.statusCode() == 401 ? " (is PEER_SECRET_FILE the same on every instance?)" : "";
    }

    /**
     * A peer that does not answer has crashed, hangs or is cut off; its partitions move once the
     * group's session for it expires. Until then asking again is pointless: {@code Retry-After} is
     * what is left of the session timeout since it stopped answering, one second at least (the
     * rebalance itself), so that clients come back when the keys have a new owner.
     */
    private <T> Answer<T> unreachable(Instance peer, Exception e) {
        long now = System.nanoTime();
        long since = silentSince.computeIfAbsent(peer, p -> now);
        Duration left = ownerLossDetection.minusNanos(now - since);
        Duration retryAfter = left.compareTo(Duration.ZERO) > 0 ? left.plusSeconds(1) : Duration.ofSeconds(1);
        return new Answer.Unavailable<>("instance " + peer + " did not answer: " + FailureText.of(e), retryAfter);
    }
}
