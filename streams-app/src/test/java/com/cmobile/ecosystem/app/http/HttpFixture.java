package com.cmobile.ecosystem.app.http;

import com.cmobile.ecosystem.app.query.AllianceQueries;
import com.cmobile.ecosystem.app.query.CapacityQueries;
import com.cmobile.ecosystem.app.query.ClusterQueries;
import com.cmobile.ecosystem.app.query.FakeCluster;
import com.cmobile.ecosystem.app.query.TimeTravelQueries;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * The real HTTP server and routes over a {@link FakeCluster} of one instance: what a client sees,
 * without Kafka.
 */
final class HttpFixture implements AutoCloseable {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC);

    final FakeCluster cluster = new FakeCluster(1, 3);
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    HttpFixture(Set<String> internalStores, HealthRoutes health) {
        this(internalStores, health, ApiAccess.open());
    }

    HttpFixture(Set<String> internalStores, HealthRoutes health, ApiAccess access) {
        ClusterQueries stores = cluster.queriesVia(0, Duration.ofSeconds(1));
        server = HttpServer.start(new HttpServer.Binding("127.0.0.1", 0, java.util.Optional.empty()), access,
                cluster.mapper, registry, app -> {
            new ApiRoutes(new CapacityQueries(stores, cluster.mapper), new AllianceQueries(stores, cluster.mapper),
                    new TimeTravelQueries(stores, cluster.mapper), stores, CLOCK).register(app);
            new InternalRoutes(cluster.member(0), internalStores).register(app);
            health.register(app);
        });
    }

    HttpFixture() {
        this(ApiAccess.open());
    }

    HttpFixture(ApiAccess access) {
        this(Set.of("city-capacity-store"), new HealthRoutes(
                () -> new HealthRoutes.Check(true, "RUNNING", List.of()),
                () -> new HealthRoutes.Check(false, "REBALANCING", List.of("Kafka Streams is REBALANCING"))), access);
    }

    record Response(int status, JsonNode json, String body, HttpResponse<String> raw) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse("");
        }
    }

    Response get(String pathAndQuery, String... headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery));
            if (headers.length > 0) {
                request.headers(headers);
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")
                    ? cluster.mapper.readTree(response.body())
                    : null;
            return new Response(response.statusCode(), json, response.body(), response);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        registry.close();
    }
}
