package com.cmobile.ecosystem.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Waits, through the application's own public HTTP API, until the aggregates reflect the data:
 * exactly the seed figures, or, when the data holds more than the seed (a resumed run someone
 * published to), figures that stopped changing. Asking the API rather than the stores proves what a
 * user will see: the same route, the same JSON.
 */
final class Readiness {

    // Each poll is a fanned-out query: often enough to notice readiness, rarely enough not to slow processing.
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration STABLE_FOR = Duration.ofSeconds(3);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper mapper = new ObjectMapper();
    private final URI api;
    private final Optional<String> bearerToken;

    /**
     * @param httpBase    e.g. {@code http://localhost:8080}
     * @param bearerToken a {@code read} token, when the API wants one
     */
    Readiness(URI httpBase, Optional<String> bearerToken) {
        this.api = httpBase.resolve("/api/v1/");
        this.bearerToken = bearerToken;
    }

    /**
     * What was seen when the wait ended.
     *
     * @param ready   the figures reflect the data
     * @param figures the last figures the API answered, if any
     */
    record Outcome(boolean ready, Optional<Figures> figures) {
    }

    /**
     * Polls until the figures match the seed, or have been stable for a few seconds when
     * {@code acceptStable}; gives up after {@code timeout}.
     */
    Outcome await(Duration timeout, boolean acceptStable) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<Figures> last = Optional.empty();
        long stableSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            Optional<Figures> now = current();
            if (now.isPresent() && now.get().matchSeed()) {
                return new Outcome(true, now);
            }
            if (!now.equals(last)) {
                stableSince = System.nanoTime();
                last = now;
            } else if (acceptStable && now.isPresent() && System.nanoTime() - stableSince >= STABLE_FOR.toNanos()) {
                return new Outcome(true, now);
            }
            Thread.sleep(POLL.toMillis());
        }
        return new Outcome(false, last);
    }

    /** The figures, or empty while the API cannot answer them yet (starting, rebalancing, no data). */
    Optional<Figures> current() throws InterruptedException {
        Optional<JsonNode> capacity = get("capacity");
        Optional<JsonNode> alliance = capacity.isPresent() ? get("alliance") : Optional.empty();
        if (capacity.isEmpty() || alliance.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Figures.fromApi(capacity.get(), alliance.get()));
    }

    private Optional<JsonNode> get(String path) throws InterruptedException {
        var builder = HttpRequest.newBuilder(api.resolve(path)).timeout(Duration.ofSeconds(5)).GET();
        bearerToken.ifPresent(token -> builder.header("Authorization", "Bearer " + token));
        var request = builder.build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            // 404 (nothing aggregated yet) and 503 (rebalancing, restoring) both mean "not yet".
            return response.statusCode() == 200 ? Optional.of(mapper.readTree(response.body())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
