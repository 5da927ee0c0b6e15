package com.cmobile.ecosystem.app.it.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cmobile.ecosystem.app.EcosystemApp;
import com.cmobile.ecosystem.app.oracle.Expected;
import com.cmobile.ecosystem.app.oracle.HttpAnswer;
import com.cmobile.ecosystem.app.oracle.NaiveAnswers;
import com.cmobile.ecosystem.events.OnboardingAction;
import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import com.cmobile.ecosystem.events.PartnerRole;
import com.cmobile.ecosystem.events.PopAction;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.events.Program;
import com.cmobile.ecosystem.serde.EventSerdes;
import com.cmobile.ecosystem.testkit.EmbeddedKafka;
import com.cmobile.ecosystem.testkit.EmbeddedKafkaExtension;
import com.cmobile.ecosystem.validation.EventValidator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 on the broker: two instances of the real app, six partitions; a history of PoPs and
 * partners over six years is published in shuffled order (backfills arriving after newer events,
 * duplicates, ends and re-joins, moves); once the current answers are the oracle's, every route as
 * of past instants and dates, and the series by every period, must be the oracle's too, from either
 * instance.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimeTravelIT {

    private static final Instant START = Instant.parse("2019-01-01T00:00:00Z");
    private static final List<String> PLACES = List.of("FR:Paris", "FR:Lyon", "DE:Berlin", "US:Boston", "SG:Singapore",
            "BR:Recife", "KE:Nairobi", "JP:Osaka");
    private static final List<Program> PROGRAMS = List.of(Program.GTI, Program.ISTAR, Program.HAND_IN_HAND,
            Program.ECOSYSTEM_ALLIANCE);

    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final NaiveAnswers oracle = NaiveAnswers.keepingHistory(EventValidator.withDefaults());
    private List<Function<String, HttpAnswer>> instances;
    private EcosystemApp first;
    private EcosystemApp second;

    @BeforeAll
    void startTwoInstancesAndPublishAShuffledHistory(EmbeddedKafka kafka, @TempDir Path stateDirs) throws Exception {
        AppInstances.TestTopics topics = AppInstances.TestTopics.create(kafka, 6);
        String applicationId = kafka.uniqueName("time-travel-it");
        first = AppInstances.start(kafka, applicationId, topics, stateDirs.resolve("first"));
        second = AppInstances.start(kafka, applicationId, topics, stateDirs.resolve("second"));
        instances = List.of(route -> AppInstances.get(first, route), route -> AppInstances.get(second, route));

        List<SpecificRecord> history = history(new Random(15));
        Map<String, Object> serdeConfig = Map.of("schema.registry.url", kafka.schemaRegistryUrl());
        try (var popProducer = new KafkaProducer<>(kafka.producerProperties(), new StringSerializer(),
                EventSerdes.popCapacity(serdeConfig).serializer());
             var partnerProducer = new KafkaProducer<>(kafka.producerProperties(), new StringSerializer(),
                     EventSerdes.partnerOnboarding(serdeConfig).serializer())) {
            for (SpecificRecord event : history) {
                if (event instanceof PopCapacityEvent pop) {
                    popProducer.send(new ProducerRecord<>(topics.popCapacity(), pop.getPopId(), pop)).get();
                    oracle.apply(pop);
                } else {
                    var partner = (PartnerOnboardingEvent) event;
                    partnerProducer.send(new ProducerRecord<>(topics.partnerOnboarding(), partner.getPartnerId(), partner))
                            .get();
                    oracle.apply(partner);
                }
            }
        }
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (var api : instances) {
                assertThat(NaiveAnswers.differences(oracle.totals(), api)).isEmpty();
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
    void everyRouteAsOfPastInstantsAnswersWhatTheOracleRecomputes() {
        var expected = new LinkedHashMap<String, Expected>();
        for (String asOf : List.of("2018-12-31", "2019-06-30", "2020-03-01T12:00:00Z", "2021-12-31", "2023-07-15T00:00:00Z",
                "2024-12-31")) {
            Instant at = asOf.contains("T") ? Instant.parse(asOf)
                    : Instant.parse(asOf + "T00:00:00Z").plus(1, ChronoUnit.DAYS).minusNanos(1);
            expected.putAll(oracle.answersAsOf(asOf, at));
        }
        answersEventually(expected);
    }

    @Test
    void theSeriesAnswerWhatTheOracleRecomputes() {
        Instant to = Instant.parse("2025-06-30T00:00:00Z");
        var expected = new LinkedHashMap<String, Expected>();
        for (String by : List.of("week", "month", "year")) {
            expected.put("/api/v1/capacity/history?by=" + by + "&to=" + to,
                    oracle.capacitySeries(by, Optional.empty(), to, Optional.empty()));
            for (Program program : PROGRAMS) {
                expected.put("/api/v1/alliance/programs/" + program + "/history?by=" + by + "&to=" + to,
                        oracle.programSeries(program, by, Optional.empty(), to));
            }
        }
        expected.put("/api/v1/capacity/history?by=month&region=EUROPE&to=" + to,
                oracle.capacitySeries("month", Optional.empty(), to, Optional.of("EUROPE")));
        expected.put("/api/v1/capacity/history?by=day&country=FR&from=2020-01-01&to=2020-12-31",
                oracle.capacitySeries("day", Optional.of(Instant.parse("2020-01-01T23:59:59.999999999Z")),
                        Instant.parse("2020-12-31T23:59:59.999999999Z"), Optional.of("FR")));
        answersEventually(expected);
    }

    /**
     * The current totals showing every event does not mean each late event that changed nothing now
     * has been processed yet: wait for the past too, as briefly as it takes.
     */
    private void answersEventually(Map<String, Expected> expected) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (var api : instances) {
                assertThat(NaiveAnswers.differences(expected, api)).isEmpty();
            }
        });
    }

    /**
     * Twenty PoPs and twelve partners, each with a few events over six years (changes, moves, ends,
     * re-commissions, re-joins), a few sent twice, the whole shuffled.
     */
    private List<SpecificRecord> history(Random random) {
        var events = new ArrayList<SpecificRecord>();
        for (int p = 0; p < 20; p++) {
            String popId = "pop-" + run + "-" + p;
            Instant at = START.plus(random.nextInt(700), ChronoUnit.DAYS);
            for (int e = 0; e < 2 + random.nextInt(4); e++) {
                String[] place = PLACES.get(random.nextInt(PLACES.size())).split(":");
                PopAction action = e == 0 ? PopAction.COMMISSIONED
                        : random.nextInt(4) == 0 ? PopAction.DECOMMISSIONED : PopAction.CAPACITY_CHANGED;
                events.add(pop(popId, action, place, 100L * (1 + random.nextInt(50)), at));
                at = at.plus(30 + random.nextInt(300), ChronoUnit.DAYS);
            }
        }
        for (int p = 0; p < 12; p++) {
            String partnerId = "partner-" + run + "-" + p;
            for (Program program : List.of(PROGRAMS.get(p % 4), PROGRAMS.get((p + 1) % 4))) {
                Instant at = START.plus(random.nextInt(900), ChronoUnit.DAYS);
                for (int e = 0; e < 1 + random.nextInt(4); e++) {
                    OnboardingAction action = e == 0 ? OnboardingAction.JOINED
                            : List.of(OnboardingAction.JOINED, OnboardingAction.UPDATED, OnboardingAction.LEFT).get(random.nextInt(3));
                    events.add(partner(partnerId, program, action, PLACES.get(random.nextInt(PLACES.size())).split(":")[0],
                            random.nextBoolean() ? PartnerRole.MEMBER : PartnerRole.PARTNER, at));
                    at = at.plus(20 + random.nextInt(400), ChronoUnit.DAYS);
                }
            }
        }
        for (int i = 0; i < 6; i++) {
            events.add(events.get(random.nextInt(events.size())));
        }
        Collections.shuffle(events, random);
        return events;
    }

    private static PopCapacityEvent pop(String popId, PopAction action, String[] place, long capacity, Instant at) {
        boolean ends = action == PopAction.DECOMMISSIONED;
        return PopCapacityEvent.newBuilder().setEventId(UUID.randomUUID()).setPopId(popId).setAction(action)
                .setCity(ends ? "" : place[1]).setCountry(ends ? "" : place[0])
                .setBusinessLocation(ends ? "" : "CMI " + place[0]).setCapacityMbps(ends ? 0 : capacity)
                .setOccurredAt(at).setSource("time-travel-it").build();
    }

    private static PartnerOnboardingEvent partner(String partnerId, Program program, OnboardingAction action,
                                                  String country, PartnerRole role, Instant at) {
        boolean ends = action == OnboardingAction.LEFT;
        return PartnerOnboardingEvent.newBuilder().setEventId(UUID.randomUUID()).setPartnerId(partnerId)
                .setPartnerName(ends ? "" : "Operator " + partnerId).setProgram(program).setRole(role).setAction(action)
                .setCountry(ends ? "" : country).setSubscribers(ends ? null : 1000L).setOccurredAt(at)
                .setSource("time-travel-it").build();
    }
}
