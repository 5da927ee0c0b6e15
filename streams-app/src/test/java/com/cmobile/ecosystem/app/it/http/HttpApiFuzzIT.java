package com.cmobile.ecosystem.app.it.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cmobile.ecosystem.app.EcosystemApp;
import com.cmobile.ecosystem.app.http.NewApiToken;
import com.cmobile.ecosystem.app.it.query.AppInstances;
import com.cmobile.ecosystem.events.OnboardingAction;
import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import com.cmobile.ecosystem.events.PartnerRole;
import com.cmobile.ecosystem.events.PopAction;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.events.Program;
import com.cmobile.ecosystem.serde.EventSerdes;
import com.cmobile.ecosystem.testkit.EmbeddedKafka;
import com.cmobile.ecosystem.testkit.EmbeddedKafkaExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bounded fuzz of the HTTP API of the real application on the embedded broker, with tokens off and
 * on: thousands of random requests (routes with hostile segments, random and malformed parameters,
 * random, oversized and many headers, other methods, bodies up to 3 MB, paths up to 100 KB). Every
 * request must be answered within a bound, never with a 5xx other than 503, never with a stack
 * trace or an exception's class name in the body, and every 4xx and 503 body must be the API's
 * JSON error; the secured instance must never answer 2xx to a request without the credentials its
 * path needs. The seed is printed; {@code -Dfuzz.seed=...} replays a run, {@code -Dfuzz.requests=...}
 * changes its size.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpApiFuzzIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 2500);
    /** Well above the query timeout (5 s): a request past it is a hang. */
    private static final int ANSWER_WITHIN_MILLIS = 15_000;
    private static final Pattern STACK_TRACE = Pattern.compile(
            "\\tat |\\bat [a-z]+\\.[a-z]+\\.|\\b\\w+(Exception|Error)\\b|\\b(java|javax|jakarta|kotlin|io\\.javalin|"
                    + "org\\.eclipse|org\\.apache|com\\.fasterxml|com\\.cmobile)\\.[a-zA-Z]");
    /** One seed per run, printed; each test mixes in its own salt. */
    private static final long BASE_SEED = Long.getLong("fuzz.seed", System.nanoTime());
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private ApiSecrets secrets;
    private EcosystemApp open;
    private EcosystemApp secured;

    @BeforeAll
    void startAnOpenAndASecuredInstanceWithData(EmbeddedKafka kafka, @TempDir Path dir) throws Exception {
        secrets = ApiSecrets.in(dir, false);
        AppInstances.TestTopics topics = AppInstances.TestTopics.create(kafka, 3);
        Map<String, String> local = Map.of("HTTP_HOST", "127.0.0.1", "NUM_STANDBY_REPLICAS", "0");
        open = AppInstances.start(kafka, kafka.uniqueName("fuzz-open"), topics, dir.resolve("open"), local);
        var securedSettings = new HashMap<>(secrets.settings());
        securedSettings.putAll(local);
        secured = AppInstances.start(kafka, kafka.uniqueName("fuzz-secured"), topics, dir.resolve("secured"),
                securedSettings);
        publish(kafka, topics);
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(AppInstances.get(open, "/health/ready").status()).isEqualTo(200);
            assertThat(AppInstances.get(secured, "/health/ready").status()).isEqualTo(200);
            var capacity = AppInstances.get(open, "/api/v1/capacity");
            assertThat(capacity.status()).isEqualTo(200);
            assertThat(capacity.body().get("activePops").asInt()).isEqualTo(8);
        });
    }

    @AfterAll
    void stop() {
        for (EcosystemApp app : new EcosystemApp[] {open, secured}) {
            if (app != null) {
                app.close();
            }
        }
    }

    @Test
    void randomRequestsToAnOpenInstanceGetCleanAnswers() throws IOException {
        fuzz(open, List.of("Bearer " + NewApiToken.newToken(), "", "Basic x"), 11);
    }

    @Test
    void randomRequestsToASecuredInstanceGetCleanAnswers() throws IOException {
        fuzz(secured, List.of("Bearer " + secrets.readToken, "Bearer " + secrets.readToken,
                "Bearer " + secrets.metricsToken, "bearer " + secrets.readToken, "Bearer " + NewApiToken.newToken(),
                "Bearer", "Bearer  ", "Basic " + secrets.readToken, "Bearer " + secrets.readToken + "x",
                "Bearer " + "t".repeat(10_000), ""), 29);
    }

    private void fuzz(EcosystemApp app, List<String> credentials, long salt) throws IOException {
        long seed = BASE_SEED ^ salt;
        var requests = new FuzzRequests(seed, credentials);
        Map<Integer, Integer> statuses = new TreeMap<>();
        Map<String, Integer> errors = new HashMap<>();
        List<String> problems = new ArrayList<>();
        int tried = 0;
        long slowest = 0;
        for (; tried < REQUESTS; tried++) {
            FuzzRequests.Request request = requests.next(app.httpPort());
            Optional<RawHttp.Response> answer;
            long start = System.nanoTime();
            try {
                answer = RawHttp.exchange(app.httpPort(), request.bytes(), request.head(), ANSWER_WITHIN_MILLIS);
            } catch (SocketTimeoutException e) {
                problems.add("no answer within " + ANSWER_WITHIN_MILLIS + " ms: " + request.describe());
                continue;
            }
            slowest = Math.max(slowest, (System.nanoTime() - start) / 1_000_000);
            if (answer.isEmpty()) {
                statuses.merge(0, 1, Integer::sum);
                if (request.bodyLength() < 1_000_000) {
                    problems.add("connection closed without a status line: " + request.describe());
                }
                continue;
            }
            RawHttp.Response response = answer.get();
            statuses.merge(response.status(), 1, Integer::sum);
            if (response.status() >= 400) {
                errors.merge(response.status() + " " + errorKind(response), 1, Integer::sum);
            }
            problems.addAll(problems(request, response));
            if (app == secured && response.status() / 100 == 2 && !allowed(request)) {
                problems.add("answered " + response.status() + " without the credentials it needs: " + request.describe());
            }
        }
        System.out.printf("HTTP fuzz of %s instance: %d requests tried (seed %d), statuses %s, slowest %d ms, "
                        + "%d problem(s)%n", app == secured ? "the secured" : "the open", tried, BASE_SEED, statuses,
                slowest, problems.size());
        errors.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(15)
                .forEach(e -> System.out.printf("  %5d  %s%n", e.getValue(), e.getKey()));
        assertThat(problems).as("replay with -Dfuzz.seed=" + BASE_SEED).isEmpty();
        // Still healthy and still right afterwards.
        assertThat(AppInstances.get(app, "/health/live").status()).isEqualTo(200);
        assertThat(statuses.keySet()).contains(200);
    }

    private static List<String> problems(FuzzRequests.Request request, RawHttp.Response response) {
        List<String> problems = new ArrayList<>();
        String body = response.text();
        String where = response.status() + " for " + request.describe() + " -> " + abbreviated(body);
        if (response.status() >= 500 && response.status() != 503) {
            problems.add("server error " + where);
        }
        boolean metrics = response.status() == 200 && response.headers().getOrDefault("content-type", "").startsWith("text/plain");
        // Prometheus text names metrics after Kafka's and the JVM's, which is what /metrics is for.
        if (!metrics && STACK_TRACE.matcher(body).find()) {
            problems.add("stack trace or class name in " + where);
        }
        boolean error = response.status() >= 400;
        if (error && !request.head()) {
            try {
                JsonNode json = JSON.readTree(body);
                if (json == null || !json.path("error").isTextual() || !json.path("message").isTextual()) {
                    problems.add("error body is not {\"error\",\"message\"}: " + where);
                }
            } catch (IOException e) {
                problems.add("error body is not JSON: " + where);
            }
        }
        return problems;
    }

    /**
     * Whether the secured instance may answer {@code request} with success: probes are open, the
     * internal routes need the peer secret (which the fuzz never sends), everything else a token.
     */
    private boolean allowed(FuzzRequests.Request request) {
        String path = request.target().replaceAll("/{2,}", "/");
        String credentials = String.join("\n", request.headers());
        if (path.contains("internal")) {
            return false;
        }
        if (path.startsWith("/health/live") || path.startsWith("/health/ready")) {
            return true;
        }
        return credentials.contains(secrets.readToken)
                || (credentials.contains(secrets.metricsToken) && path.startsWith("/metrics"));
    }

    /** The start of an error's message, without the parts that vary (values, numbers). */
    private static String errorKind(RawHttp.Response response) {
        try {
            String message = JSON.readTree(response.body()).path("message").asText()
                    .replaceAll("'[^']*'", "'…'").replaceAll("\\d+", "N");
            return message.substring(0, Math.min(60, message.length()));
        } catch (IOException | RuntimeException e) {
            return "(no JSON)";
        }
    }

    private static String abbreviated(String body) {
        return body.length() > 400 ? body.substring(0, 400) + "..." : body;
    }

    private static void publish(EmbeddedKafka kafka, AppInstances.TestTopics topics) throws Exception {
        Map<String, Object> serdeConfig = Map.of("schema.registry.url", kafka.schemaRegistryUrl());
        String[][] cities = {{"FR", "Paris"}, {"FR", "Lyon"}, {"DE", "Berlin"}, {"US", "Boston"}};
        try (var pops = new KafkaProducer<>(kafka.producerProperties(), new StringSerializer(),
                EventSerdes.popCapacity(serdeConfig).serializer());
             var partners = new KafkaProducer<>(kafka.producerProperties(), new StringSerializer(),
                     EventSerdes.partnerOnboarding(serdeConfig).serializer())) {
            for (int i = 0; i < 8; i++) {
                String popId = "pop-" + (i + 1);
                String[] city = cities[i % cities.length];
                pops.send(new ProducerRecord<>(topics.popCapacity(), popId, PopCapacityEvent.newBuilder()
                        .setEventId(UUID.randomUUID()).setPopId(popId).setAction(PopAction.COMMISSIONED)
                        .setCity(city[1]).setCountry(city[0]).setBusinessLocation("CM " + city[0])
                        .setCapacityMbps(100L * (i + 1)).setOccurredAt(NOW.minus(400L * i, ChronoUnit.DAYS))
                        .setSource("fuzz-it").build())).get();
            }
            Program[] programs = {Program.GTI, Program.ISTAR};
            for (int i = 0; i < 6; i++) {
                String partnerId = "partner-" + (i + 1);
                partners.send(new ProducerRecord<>(topics.partnerOnboarding(), partnerId, PartnerOnboardingEvent.newBuilder()
                        .setEventId(UUID.randomUUID()).setPartnerId(partnerId).setPartnerName("Org " + partnerId)
                        .setProgram(programs[i % 2]).setRole(i % 3 == 0 ? PartnerRole.PARTNER : PartnerRole.MEMBER)
                        .setAction(OnboardingAction.JOINED).setCountry(cities[i % cities.length][0])
                        .setSubscribers(1000L).setOccurredAt(NOW.minus(30L * i, ChronoUnit.DAYS)).setSource("fuzz-it")
                        .build())).get();
            }
        }
    }
}
