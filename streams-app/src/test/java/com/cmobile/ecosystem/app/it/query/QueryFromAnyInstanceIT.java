package com.cmobile.ecosystem.app.it.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cmobile.ecosystem.app.EcosystemApp;
import com.cmobile.ecosystem.app.oracle.HttpAnswer;
import com.cmobile.ecosystem.events.OnboardingAction;
import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import com.cmobile.ecosystem.events.PartnerRole;
import com.cmobile.ecosystem.events.PopAction;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.events.Program;
import com.cmobile.ecosystem.testkit.EmbeddedKafka;
import com.cmobile.ecosystem.testkit.EmbeddedKafkaExtension;
import com.cmobile.ecosystem.testkit.Promtool;
import com.cmobile.ecosystem.serde.EventSerdes;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the real application on the embedded broker, sharing the work: whichever one a
 * request reaches gives the same answer, for keys it owns, keys the other owns (forwarded) and lists
 * (fanned out); when one stops, the other keeps answering correctly or says 503, never wrongly.
 *
 * <p>The test has its own event topics (six partitions, so both instances own some of every store).
 */
@ExtendWith(EmbeddedKafkaExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QueryFromAnyInstanceIT {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final List<String> CITIES = List.of("FR:Paris", "FR:Lyon", "DE:Berlin", "US:Boston", "SG:Singapore",
            "BR:Recife", "ZA:Durban", "JP:Osaka");

    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final Map<String, PopCapacityEvent> pops = new LinkedHashMap<>();
    private final List<String> partners = new ArrayList<>();
    private EcosystemApp first;
    private EcosystemApp second;

    @BeforeAll
    void startTwoInstancesAndPublish(EmbeddedKafka kafka, @TempDir Path stateDirs) throws Exception {
        AppInstances.TestTopics topics = AppInstances.TestTopics.create(kafka, 6);
        String applicationId = kafka.uniqueName("query-it");
        first = AppInstances.start(kafka, applicationId, topics, stateDirs.resolve("first"));
        second = AppInstances.start(kafka, applicationId, topics, stateDirs.resolve("second"));
        Map<String, Object> serdeConfig = Map.of("schema.registry.url", kafka.schemaRegistryUrl());
        try (var popProducer = new KafkaProducer<>(kafka.producerProperties(), new StringSerializer(),
                EventSerdes.popCapacity(serdeConfig).serializer());
             var partnerProducer = new KafkaProducer<>(kafka.producerProperties(), new StringSerializer(),
                     EventSerdes.partnerOnboarding(serdeConfig).serializer())) {
            for (int i = 0; i < 24; i++) {
                String[] city = CITIES.get(i % CITIES.size()).split(":");
                PopCapacityEvent event = pop("pop-" + run + "-" + i, city[0], city[1], 100L * (i + 1), NOW.minusSeconds(3600 - i));
                pops.put(event.getPopId(), event);
                popProducer.send(new ProducerRecord<>(topics.popCapacity(), event.getPopId(), event)).get();
            }
            Program[] programs = {Program.GTI, Program.ISTAR, Program.HAND_IN_HAND, Program.ECOSYSTEM_ALLIANCE};
            for (int i = 0; i < 12; i++) {
                String partnerId = "partner-" + run + "-" + i;
                partners.add(partnerId);
                PartnerOnboardingEvent event = partner(partnerId, programs[i % programs.length],
                        i % 3 == 0 ? PartnerRole.PARTNER : PartnerRole.MEMBER, CITIES.get(i % CITIES.size()).split(":")[0],
                        NOW.minus(i % 3, ChronoUnit.DAYS));
                partnerProducer.send(new ProducerRecord<>(topics.partnerOnboarding(), partnerId, event)).get();
            }
        }
        // Every aggregate is the last level of its branch: once they all show this run's events, and
        // both instances agree on every route, the pipeline is quiet.
        long capacity = pops.values().stream().mapToLong(PopCapacityEvent::getCapacityMbps).sum();
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (EcosystemApp app : List.of(first, second)) {
                assertThat(AppInstances.get(app, "/health/ready").status()).isEqualTo(200);
                // A 503 (a store moving between the instances) must fail the attempt, not end the wait with an NPE:
                // untilAsserted retries assertion errors only.
                var capacityAnswer = AppInstances.get(app, "/api/v1/capacity");
                assertThat(capacityAnswer.status()).isEqualTo(200);
                JsonNode global = capacityAnswer.body();
                assertThat(global.get("capacityMbps").asLong()).isEqualTo(capacity);
                assertThat(global.get("activePops").asLong()).isEqualTo(pops.size());
                assertThat(global.get("countries").asLong()).isEqualTo(7);
                assertThat(global.get("cities").asLong()).isEqualTo(CITIES.size());
                assertThat(global.get("businessLocations").asLong()).isEqualTo(7);
                var allianceAnswer = AppInstances.get(app, "/api/v1/alliance");
                assertThat(allianceAnswer.status()).isEqualTo(200);
                JsonNode alliance = allianceAnswer.body();
                assertThat(alliance.get("organisations").asLong()).isEqualTo(partners.size());
                assertThat(alliance.get("programs").findValues("members").stream().mapToLong(JsonNode::asLong).sum()
                        + alliance.get("programs").findValues("partners").stream().mapToLong(JsonNode::asLong).sum())
                        .isEqualTo(partners.size());
                // GTI: partners 0, 4 and 8, joined today, yesterday and the day before, in FR, SG and FR.
                JsonNode growth = AppInstances.get(app, growthRoute()).body();
                assertThat(growth.get("days").findValues("joined").stream().mapToLong(JsonNode::asLong).sum()).isEqualTo(3);
                JsonNode regions = AppInstances.get(app, "/api/v1/alliance/programs/GTI/regions").body();
                assertThat(regions.get("items").findValues("members").stream().mapToLong(JsonNode::asLong).sum()
                        + regions.get("items").findValues("partners").stream().mapToLong(JsonNode::asLong).sum()).isEqualTo(3);
                assertThat(AppInstances.get(app, "/api/v1/alliance/programs/ISTAR/partners").body().get("items")).hasSize(3);
            }
            for (String route : routes()) {
                assertThat(AppInstances.get(second, route).body()).as(route).isEqualTo(AppInstances.get(first, route).body());
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

    private static String growthRoute() {
        LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
        return "/api/v1/alliance/programs/GTI/growth?from=" + today.minusDays(3) + "&to=" + today;
    }

    private List<String> routes() {
        List<String> routes = new ArrayList<>(List.of(
                "/api/v1/capacity", "/api/v1/capacity/regions", "/api/v1/capacity/regions/EUROPE",
                "/api/v1/capacity/countries", "/api/v1/capacity/countries?limit=2", "/api/v1/capacity/countries/FR",
                "/api/v1/capacity/countries/FR/cities", "/api/v1/capacity/countries/FR/cities/paris",
                "/api/v1/alliance", "/api/v1/alliance/programs/GTI", "/api/v1/alliance/programs/gti/regions",
                growthRoute(),
                "/api/v1/alliance/programs/ISTAR/partners", "/api/v1/alliance/programs/ISTAR/partners?limit=1",
                "/api/v1/instances", "/api/v1/pops/no-such-pop", "/api/v1/alliance/programs/NOPE"));
        pops.keySet().forEach(id -> routes.add("/api/v1/pops/" + id));
        partners.forEach(id -> routes.add("/api/v1/partners/" + id));
        return routes;
    }

    @Test
    @Order(1)
    void everyRouteAnswersTheSameFromEitherInstance() {
        for (String route : routes()) {
            HttpAnswer viaFirst = AppInstances.get(first, route);
            HttpAnswer viaSecond = AppInstances.get(second, route);

            assertThat(viaFirst.status()).as(route).isIn(200, 400, 404);
            assertThat(viaSecond.status()).as(route).isEqualTo(viaFirst.status());
            assertThat(viaSecond.body()).as(route).isEqualTo(viaFirst.body());
        }
    }

    @Test
    @Order(2)
    void keysOwnedByTheOtherInstanceAreForwardedToIt() {
        int forwarded = 0;
        for (PopCapacityEvent event : pops.values()) {
            HttpAnswer answer = AppInstances.get(first, "/api/v1/pops/" + event.getPopId());

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body().get("capacityMbps").asLong()).isEqualTo(event.getCapacityMbps());
            assertThat(answer.body().get("city").asText()).isEqualTo(event.getCity());
            if (answer.servedBy().equals(second.instance().toString())) {
                forwarded++;
            }
        }
        // 24 keys over 6 partitions shared by two instances: some certainly live on the second.
        assertThat(forwarded).isPositive().isLessThan(pops.size());
    }

    @Test
    @Order(3)
    void listsFannedOutToBothInstancesSayWhoAnswered() {
        JsonNode page = AppInstances.get(first, "/api/v1/capacity/countries").body();

        assertThat(page.get("answeredBy")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder(first.instance().toString(), second.instance().toString());
        assertThat(page.get("items")).extracting(n -> n.get("country").asText())
                .contains("FR", "DE", "US", "SG", "BR", "ZA", "JP").isSorted();
    }

    @Test
    @Order(4)
    void pagingThroughAListFromEitherInstanceVisitsEveryItemOnce() {
        List<String> viaFirst = allPages(first, "/api/v1/capacity/countries?limit=2");
        List<String> viaSecond = allPages(second, "/api/v1/capacity/countries?limit=2");

        assertThat(viaFirst).doesNotHaveDuplicates().isSorted().isEqualTo(viaSecond);
        assertThat(viaFirst).isEqualTo(AppInstances.get(first, "/api/v1/capacity/countries?limit=1000").body()
                .get("items").findValuesAsText("country"));
    }

    private static List<String> allPages(EcosystemApp app, String route) {
        List<String> keys = new ArrayList<>();
        String next = null;
        do {
            JsonNode page = AppInstances.get(app, route + (next == null ? "" : "&after=" + next)).body();
            page.get("items").forEach(item -> keys.add(item.get("country").asText()));
            next = page.get("next").isNull() ? null : page.get("next").asText();
        } while (next != null);
        return keys;
    }

    @Test
    @Order(5)
    void businessGaugesOfBothInstancesSumToTheGlobalFigureAndPassPromtool() throws Exception {
        long global = AppInstances.get(first, "/api/v1/capacity").body().get("capacityMbps").asLong();

        double sum = 0;
        for (EcosystemApp app : List.of(first, second)) {
            String metrics = AppInstances.get(app, "/metrics").text();
            sum += Promtool.sample(metrics, "ecosystem_capacity_mbps");
            assertThat(metrics).contains("kafka_stream_thread_").contains("http_server_requests_seconds_count");
            assertThat(Promtool.checkMetrics(metrics)).as("promtool check metrics").isEmpty();
        }

        assertThat(sum).isEqualTo(global);
    }

    @Test
    @Order(6)
    void staleQueryForAKeyOwnedElsewhereIsAnsweredByTheLocalStandby() {
        // With one standby and two instances, each holds a standby copy of what the other owns.
        String ownedBySecond = pops.keySet().stream()
                .filter(id -> AppInstances.get(first, "/api/v1/pops/" + id).servedBy().equals(second.instance().toString()))
                .findFirst().orElseThrow();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpAnswer answer = AppInstances.get(first, "/api/v1/pops/" + ownedBySecond + "?stale=true");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.servedBy()).isEqualTo(first.instance().toString());
            assertThat(answer.servedFrom()).isEqualTo("standby");
            assertThat(answer.body().get("popId").asText()).isEqualTo(ownedBySecond);
        });
    }

    @Test
    @Order(7)
    void whenOneInstanceStopsTheOtherAnswersEverythingAndNothingAnswersWrongly() throws Exception {
        Map<String, JsonNode> before = new LinkedHashMap<>();
        for (String route : routes()) {
            if (!route.contains("instances")) {
                before.put(route, AppInstances.get(first, route).body());
            }
        }
        List<String> wrong = new CopyOnWriteArrayList<>();
        AtomicInteger unavailable = new AtomicInteger();
        AtomicInteger answered = new AtomicInteger();
        AtomicBoolean watching = new AtomicBoolean(true);
        Thread watcher = new Thread(() -> {
            while (watching.get()) {
                before.forEach((route, expected) -> {
                    HttpAnswer answer = AppInstances.get(first, route);
                    if (answer.status() == 503) {
                        unavailable.incrementAndGet();
                        if (answer.retryAfter().isEmpty() || answer.body() == null || !answer.body().has("error")) {
                            wrong.add(route + ": 503 without Retry-After or JSON reason: " + answer.text());
                        }
                    } else if (sameApartFromAnsweredBy(expected, answer.body())) {
                        // Lists name who answered, which changes when one stops; the items must not.
                        answered.incrementAndGet();
                    } else {
                        wrong.add(route + ": " + answer.status() + " " + answer.text());
                    }
                });
            }
        }, "query-watcher");
        watcher.start();

        second.close();
        second = null;

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (var entry : before.entrySet()) {
                HttpAnswer answer = AppInstances.get(first, entry.getKey());
                assertThat(answer.status()).as(entry.getKey()).isNotEqualTo(503);
                assertThat(sameApartFromAnsweredBy(entry.getValue(), answer.body())).as(entry.getKey()).isTrue();
            }
        });
        watching.set(false);
        watcher.join();

        assertThat(wrong).as("answered %d times, 503 %d times", answered.get(), unavailable.get()).isEmpty();
        assertThat(answered.get()).isPositive();
        JsonNode instances = AppInstances.get(first, "/api/v1/instances").body().get("instances");
        assertThat(instances).hasSize(1);
        assertThat(instances.get(0).get("activePartitions")).isNotEmpty();
    }

    private static boolean sameApartFromAnsweredBy(JsonNode expected, JsonNode actual) {
        if (expected == null || actual == null) {
            return expected == actual;
        }
        if (expected.has("answeredBy") && actual.has("answeredBy")) {
            JsonNode a = expected.deepCopy();
            JsonNode b = actual.deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) a).remove("answeredBy");
            ((com.fasterxml.jackson.databind.node.ObjectNode) b).remove("answeredBy");
            return a.equals(b);
        }
        return expected.equals(actual);
    }

    private static PopCapacityEvent pop(String popId, String country, String city, long capacity, Instant at) {
        return PopCapacityEvent.newBuilder()
                .setEventId(UUID.randomUUID()).setPopId(popId).setAction(PopAction.COMMISSIONED)
                .setCity(city).setCountry(country).setBusinessLocation("CM " + country)
                .setCapacityMbps(capacity).setOccurredAt(at).setSource("query-it").build();
    }

    private static PartnerOnboardingEvent partner(String partnerId, Program program, PartnerRole role, String country,
                                                  Instant at) {
        return PartnerOnboardingEvent.newBuilder()
                .setEventId(UUID.randomUUID()).setPartnerId(partnerId).setPartnerName("Org " + partnerId)
                .setProgram(program).setRole(role).setAction(OnboardingAction.JOINED).setCountry(country)
                .setSubscribers(1000L).setOccurredAt(at).setSource("query-it").build();
    }
}
