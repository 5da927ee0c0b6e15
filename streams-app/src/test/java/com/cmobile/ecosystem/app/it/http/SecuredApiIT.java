package com.cmobile.ecosystem.app.it.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cmobile.ecosystem.app.EcosystemApp;
import com.cmobile.ecosystem.app.config.HttpSettings.KeyStoreFile;
import com.cmobile.ecosystem.app.http.NewApiToken;
import com.cmobile.ecosystem.app.http.TlsContexts;
import com.cmobile.ecosystem.app.it.query.AppInstances;
import com.cmobile.ecosystem.app.query.PeerSecret;
import com.cmobile.ecosystem.app.topology.StoreNames;
import com.cmobile.ecosystem.events.PopAction;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.serde.EventSerdes;
import com.cmobile.ecosystem.testkit.EmbeddedKafka;
import com.cmobile.ecosystem.testkit.EmbeddedKafkaExtension;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the real application on the embedded broker with tokens, a peer secret and TLS
 * on (a key store made by keytool at run time): who may read what, and forwarding between the
 * instances over https with the peer secret, never with the caller's token.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecuredApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final int POPS = 12;

    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final List<String> popIds = new ArrayList<>();
    private ApiSecrets secrets;
    private HttpClient client;
    private EcosystemApp first;
    private EcosystemApp second;

    @BeforeAll
    void startTwoSecuredInstancesAndPublish(EmbeddedKafka kafka, @TempDir Path dir) throws Exception {
        secrets = ApiSecrets.in(dir, true);
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1)
                .sslContext(TlsContexts.client(Optional.of(new KeyStoreFile(secrets.keystore,
                        new Password(ApiSecrets.KEYSTORE_PASSWORD))))).build();
        AppInstances.TestTopics topics = AppInstances.TestTopics.create(kafka, 6);
        String applicationId = kafka.uniqueName("secured-it");
        first = AppInstances.start(kafka, applicationId, topics, dir.resolve("first"), secrets.settings());
        second = AppInstances.start(kafka, applicationId, topics, dir.resolve("second"), secrets.settings());
        Map<String, Object> serdeConfig = Map.of("schema.registry.url", kafka.schemaRegistryUrl());
        try (var producer = new KafkaProducer<>(kafka.producerProperties(), new StringSerializer(),
                EventSerdes.popCapacity(serdeConfig).serializer())) {
            for (int i = 0; i < POPS; i++) {
                String popId = "pop-" + run + "-" + i;
                popIds.add(popId);
                producer.send(new ProducerRecord<>(topics.popCapacity(), popId, PopCapacityEvent.newBuilder()
                        .setEventId(UUID.randomUUID()).setPopId(popId).setAction(PopAction.COMMISSIONED)
                        .setCity("Paris").setCountry("FR").setBusinessLocation("CM FR").setCapacityMbps(100)
                        .setOccurredAt(NOW.minusSeconds(600 - i)).setSource("secured-it").build())).get();
            }
        }
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (EcosystemApp app : List.of(first, second)) {
                assertThat(get(app, "/health/ready").statusCode()).isEqualTo(200);
                var capacity = get(app, "/api/v1/capacity", bearer(secrets.readToken));
                assertThat(capacity.statusCode()).isEqualTo(200);
                assertThat(JSON.readTree(capacity.body()).get("activePops").asInt()).isEqualTo(POPS);
            }
        });
    }

    @AfterAll
    void stop() {
        for (EcosystemApp app : new EcosystemApp[] {first, second}) {
            if (app != null) {
                app.close();
            }
        }
    }

    @Test
    void withoutATokenTheApiAnswers401WithAJsonBodyAndABearerChallenge() throws Exception {
        for (EcosystemApp app : List.of(first, second)) {
            var response = get(app, "/api/v1/capacity");

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"ecosystem\"");
            assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("unauthorized");
        }
    }

    @Test
    void aMetricsTokenOnTheApiIs403AndAReadTokenIs200() throws Exception {
        var forbidden = get(first, "/api/v1/capacity/countries", bearer(secrets.metricsToken));
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(forbidden.body()).get("error").asText()).isEqualTo("forbidden");

        var list = get(first, "/api/v1/capacity/countries", bearer(secrets.readToken));
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(list.body()).get("items").get(0).get("country").asText()).isEqualTo("FR");
    }

    @Test
    void metricsNeedAMetricsTokenAndHealthStaysOpen() {
        assertThat(get(first, "/metrics").statusCode()).isEqualTo(401);
        assertThat(get(first, "/metrics", bearer(secrets.readToken)).statusCode()).isEqualTo(403);
        var metrics = get(first, "/metrics", bearer(secrets.metricsToken));
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("ecosystem_active_pops");
        assertThat(get(first, "/health/live").statusCode()).isEqualTo(200);
    }

    @Test
    void aRefusalSaysNothingAboutWhichKeysExist() {
        for (String[] headers : List.of(new String[0], bearer(NewApiToken.newToken()), bearer(secrets.metricsToken))) {
            var existing = get(first, "/api/v1/pops/" + popIds.get(0), headers);
            var missing = get(first, "/api/v1/pops/pop-" + run + "-missing", headers);

            assertThat(existing.statusCode()).isIn(401, 403);
            assertThat(missing.statusCode()).isEqualTo(existing.statusCode());
            assertThat(missing.body()).isEqualTo(existing.body());
            assertThat(missing.headers().map()).containsOnlyKeys(existing.headers().map().keySet());
        }
    }

    @Test
    void aKeyOwnedByTheOtherInstanceIsForwardedOverHttpsWithThePeerSecret() throws Exception {
        String foreign = popIds.stream().filter(id -> ownerPort(id) == second.httpPort()).findFirst().orElseThrow();

        var response = get(first, "/api/v1/pops/" + foreign, bearer(secrets.readToken));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("popId").asText()).isEqualTo(foreign);
        assertThat(response.headers().firstValue("X-Served-By")).contains(second.instance().toString());
    }

    @Test
    void aForgedInternalRequestWithoutThePeerSecretIsRefused() {
        String path = "/internal/v1/stores/" + StoreNames.POP_STATE + "/key?key=" + popIds.get(0);

        assertThat(get(second, path).statusCode()).isEqualTo(401);
        assertThat(get(second, path, bearer(secrets.readToken)).statusCode()).isEqualTo(401);
        assertThat(get(second, path, PeerSecret.HEADER, NewApiToken.newToken()).statusCode()).isEqualTo(401);
        assertThat(get(second, path, PeerSecret.HEADER, secrets.peerSecret).statusCode()).isEqualTo(200);
    }

    @Test
    void plainHttpIsNotServed() {
        HttpClient plain = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + first.httpPort() + "/health/live"))
                .timeout(Duration.ofSeconds(5)).build();

        int status;
        try {
            status = plain.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException e) {
            status = -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        // Jetty answers a plain request on a TLS port with 400, or the connection fails: never a 200.
        assertThat(status).isNotEqualTo(200);
    }

    private int ownerPort(String popId) {
        KeyQueryMetadata owner = first.streams().queryMetadataForKey(StoreNames.POP_STATE, popId,
                Serdes.String().serializer());
        return owner.activeHost().port();
    }

    private static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }

    private HttpResponse<String> get(EcosystemApp app, String pathAndQuery, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://localhost:" + app.httpPort() + pathAndQuery))
                .timeout(Duration.ofSeconds(15));
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("GET " + pathAndQuery, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
