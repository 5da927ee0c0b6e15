package com.cmobile.ecosystem.app.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cmobile.ecosystem.app.topology.model.ModelJson;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The concurrent peer calls against a real HTTP server, and the threads they run on. */
class HttpPeersTest {

    private HttpServer server;
    private Instance peer;
    private final Set<String> callThreads = ConcurrentHashMap.newKeySet();
    private final HttpPeers peers = new HttpPeers(HttpPeers.defaultClient(Duration.ofSeconds(2)), ModelJson.newMapper());

    @BeforeEach
    void startPeer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(HttpPeers.INTERNAL + "/instance", exchange -> {
            byte[] body = """
                    {"instance":"peer:1","state":"RUNNING","activePartitions":["pop-capacity-0"],"standbyPartitions":[]}
                    """.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext(HttpPeers.INTERNAL + "/stores", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();
        peer = new Instance(server.getAddress().getHostString(), server.getAddress().getPort());
    }

    @AfterEach
    void stopPeer() {
        server.stop(0);
    }

    @Test
    void readsAPeersStatus() throws Exception {
        InstanceStatus status = peers.status(peer, Duration.ofSeconds(2)).get(5, TimeUnit.SECONDS);

        assertThat(status).isEqualTo(new InstanceStatus("peer:1", "RUNNING", List.of("pop-capacity-0"), List.of()));
    }

    @Test
    void aPeerAnsweringAnErrorCompletesExceptionallyWithAnIOException() {
        var call = peers.range(peer, "capacity-by-city-store", KeyRange.ALL, Optional.empty(), 10, false,
                Duration.ofSeconds(2));

        assertThatThrownBy(() -> call.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(IOException.class).hasMessageContaining("answered HTTP 503");
    }

    @Test
    void aKeyWhoseOwnerStoppedAnsweringIsRetriedWhenTheGroupShouldHaveMovedIt() throws Exception {
        var detecting = new HttpPeers(HttpPeers.defaultClient(Duration.ofSeconds(2)), ModelJson.newMapper(),
                Duration.ofSeconds(6));
        server.stop(0);

        Answer<?> first = detecting.get(peer, "pop-state-store", "pop-1", false, Duration.ofSeconds(2));
        Thread.sleep(1_500);
        Answer<?> later = detecting.get(peer, "pop-state-store", "pop-1", false, Duration.ofSeconds(2));

        assertThat(first).isInstanceOfSatisfying(Answer.Unavailable.class, unavailable ->
                assertThat(unavailable.retryAfter()).isBetween(Duration.ofSeconds(6), Duration.ofSeconds(7)));
        assertThat(later).isInstanceOfSatisfying(Answer.Unavailable.class, unavailable ->
                assertThat(unavailable.retryAfter()).isLessThan(Duration.ofMillis(5_700)));
    }

    @Test
    void aPeerThatAnswersAgainIsNoLongerCountedAsSilent() {
        var detecting = new HttpPeers(HttpPeers.defaultClient(Duration.ofSeconds(2)), ModelJson.newMapper(),
                Duration.ofSeconds(6));

        Answer<?> answered = detecting.get(peer, "pop-state-store", "pop-1", false, Duration.ofSeconds(2));

        assertThat(answered).isInstanceOfSatisfying(Answer.Unavailable.class, unavailable ->
                assertThat(unavailable.retryAfter()).isEqualTo(Duration.ofSeconds(1)));
    }

    @Test
    void callsReuseAFewNamedThreadsInsteadOfStartingOnePerAnswer() throws Exception {
        var executor = HttpPeers.callExecutor();
        try {
            for (int i = 0; i < 50; i++) {
                executor.submit(() -> callThreads.add(Thread.currentThread().getName())).get(5, TimeUnit.SECONDS);
            }
        } finally {
            executor.shutdownNow();
        }

        // Thread per task would be 50 threads; idle workers live 60 s, so at most the pool's maximum exist.
        assertThat(callThreads).hasSizeLessThanOrEqualTo(HttpPeers.MAX_CONCURRENT_CALLS)
                .allMatch(name -> name.startsWith("peer-http-"));
    }

    @Test
    void pastTheLimitTheCallerMakesTheCallItself() throws Exception {
        var executor = HttpPeers.callExecutor();
        var release = new CountDownLatch(1);
        var busy = new CountDownLatch(HttpPeers.MAX_CONCURRENT_CALLS);
        List<Future<?>> blocked = new ArrayList<>();
        try {
            for (int i = 0; i < HttpPeers.MAX_CONCURRENT_CALLS; i++) {
                blocked.add(executor.submit(() -> {
                    busy.countDown();
                    release.await();
                    return null;
                }));
            }
            assertThat(busy.await(5, TimeUnit.SECONDS)).isTrue();
            String caller = Thread.currentThread().getName();
            executor.execute(() -> callThreads.add(Thread.currentThread().getName()));

            assertThat(callThreads).containsExactly(caller);
        } finally {
            release.countDown();
            for (Future<?> f : blocked) {
                f.get(5, TimeUnit.SECONDS);
            }
            executor.shutdownNow();
        }
    }

    @Test
    void everyCallCarriesThePeerSecretAndNoOtherCredentials() throws Exception {
        var headers = new ConcurrentHashMap<String, String>();
        server.createContext(HttpPeers.INTERNAL + "/stores/pop-state-store/key", exchange -> {
            headers.put("secret", String.valueOf(exchange.getRequestHeaders().getFirst(PeerSecret.HEADER)));
            headers.put("authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] body = "{\"status\":\"NOT_FOUND\",\"message\":\"no such key\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        String secret = "s".repeat(PeerSecret.MIN_LENGTH);
        var withSecret = new HttpPeers(HttpPeers.defaultClient(Duration.ofSeconds(2)), ModelJson.newMapper(),
                Duration.ZERO, false, Optional.of(PeerSecret.of(secret)));

        withSecret.get(peer, "pop-state-store", "pop-1", false, Duration.ofSeconds(2));
        withSecret.status(peer, Duration.ofSeconds(2)).get(5, TimeUnit.SECONDS);

        assertThat(headers).containsEntry("secret", secret).containsEntry("authorization", "null");
    }

    @Test
    void anUnreachablePeerIsDescribedInWordsWithoutAnExceptionClass() {
        server.stop(0);

        Answer<?> answer = peers.get(peer, "pop-state-store", "pop-1", false, Duration.ofSeconds(2));

        assertThat(answer).isInstanceOf(Answer.Unavailable.class);
        assertThat(((Answer.Unavailable<?>) answer).reason()).endsWith("did not answer: connection refused")
                .doesNotContain("Exception").doesNotContain("java.");
    }

    @Test
    void aPeerRefusingTheSecretIsReportedAsAMismatchedPeerSecret() {
        server.createContext(HttpPeers.INTERNAL + "/stores/pop-state-store/key", exchange -> {
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
        });

        Answer<?> answer = peers.get(peer, "pop-state-store", "pop-1", false, Duration.ofSeconds(2));

        assertThat(((Answer.Unavailable<?>) answer).reason())
                .contains("answered HTTP 401 (is PEER_SECRET_FILE the same on every instance?)");
    }
}
