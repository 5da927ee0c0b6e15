package com.cmobile.ecosystem.app.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import com.cmobile.ecosystem.app.EcosystemApp;
import com.cmobile.ecosystem.app.http.ApiRoutes;
import com.cmobile.ecosystem.app.http.HttpServer;
import com.cmobile.ecosystem.app.http.InternalRoutes;
import com.cmobile.ecosystem.app.metrics.BusinessGauges;
import com.cmobile.ecosystem.app.oracle.AcrossInstances;
import com.cmobile.ecosystem.app.oracle.Expected;
import com.cmobile.ecosystem.app.oracle.HttpAnswer;
import com.cmobile.ecosystem.app.oracle.NaiveAnswers;
import com.cmobile.ecosystem.app.query.AllianceQueries;
import com.cmobile.ecosystem.app.query.CapacityQueries;
import com.cmobile.ecosystem.app.query.FakeCluster;
import com.cmobile.ecosystem.app.query.TimeTravelQueries;
import com.cmobile.ecosystem.events.OnboardingAction;
import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import com.cmobile.ecosystem.events.PartnerRole;
import com.cmobile.ecosystem.events.PopAction;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.events.Program;
import com.cmobile.ecosystem.validation.EventValidator;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import org.apache.avro.specific.SpecificRecord;

/**
 * The oracle of the ITs and the benchmarks, {@link NaiveAnswers}, against the app on one input
 * partition, where the order events reach their key is the order they are sent, so every route can
 * be compared, growth and the city spellings included: random histories of a few PoPs and partners
 * (moves to another city or country, decommissions and re-commissions, leaves and re-joins, late
 * events, ties on occurredAt, exact duplicates, invalid events and events under another key) go
 * through the production topology; its queryable stores are then served by the real query layer,
 * HTTP routes and business gauges (one instance of {@link FakeCluster}), and every route, each list
 * walked page by page, the business locations and the gauges must answer what the oracle recomputed.
 */
class RouteAnswersProperties {

    private static final Instant BASE = Instant.parse("2024-01-01T00:00:00Z");
    /** Later than the fixture's validator accepts. */
    private static final Instant FUTURE = TopologyFixture.NOW.plus(Duration.ofHours(1));
    private static final List<String[]> PLACES = List.of(
            new String[] {"FR", "Paris"}, new String[] {"FR", " paris "}, new String[] {"FR", "Lyon"},
            new String[] {"DE", "Berlin"}, new String[] {"DE", "BERLIN"}, new String[] {"JP", "Tokyo"},
            new String[] {"US", "New York"}, new String[] {"US", "new york "}, new String[] {"BR", "São Paulo"},
            new String[] {"BR", "SÃO PAULO"}, new String[] {"CA", "London"}, new String[] {"GB", "London"});
    private static final List<String> BUSINESS_LOCATIONS = List.of("CMI Europe", " CMI Europe ", "CMI Asia",
            "CMI Americas");
    private static final List<String> PARTNER_COUNTRIES = List.of("FR", "DE", "JP", "US", "KE", "AU", "BR", "GB");
    private static final List<String> PARTNER_NAMES = List.of("Orange", " Orange ", "Safaricom", "Telstra");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** How a generated event is spoilt, so that the app dead-letters it. */
    enum Flaw { NONE, FUTURE, BLANK_SOURCE, OUT_OF_RANGE, UNKNOWN_COUNTRY, OTHER_KEY }

    /** An event as sent: its record key, and whether it was meant to be valid. */
    record Sent(String key, SpecificRecord event, boolean valid) {
    }

    @Property(tries = 100)
    void everyRouteAnswersWhatTheOracleRecomputes(@ForAll("histories") List<Sent> history,
                                                  @ForAll("pageSizes") int pageSize) {
        var oracle = oracle();
        try (var app = new ServedApp(sendAll(history, oracle))) {
            var differences = new ArrayList<>(NaiveAnswers.differences(oracle.answers(), app.api, pageSize));
            differences.addAll(AcrossInstances.differences(oracle, List.of(app.api)));
            assertThat(differences).as("the app's answers that differ from the oracle's (%s)", oracle).isEmpty();
            for (Program program : List.of(Program.HAND_IN_HAND, Program.ISTAR, Program.GTI, Program.ECOSYSTEM_ALLIANCE)) {
                assertThat(growthByDay(app.api, program)).as("/growth against the daily series of %s", program)
                        .isEqualTo(seriesByDay(app.api, program));
            }
        }
    }

    /** The generated span's last 1000 days: joins and leaves per day, from {@code /growth}. */
    private static List<String> growthByDay(Function<String, HttpAnswer> api, Program program) {
        LocalDate to = LocalDate.ofInstant(BASE, ZoneOffset.UTC).plusDays(41);
        var body = api.apply("/api/v1/alliance/programs/" + program + "/growth?from=" + to.minusDays(999) + "&to=" + to)
                .body();
        var days = new ArrayList<String>();
        body.get("days").forEach(d -> days.add(d.get("day").asText() + " +" + d.get("joined") + " -" + d.get("left")));
        return days;
    }

    /** The same days from the program's series by day. */
    private static List<String> seriesByDay(Function<String, HttpAnswer> api, Program program) {
        LocalDate to = LocalDate.ofInstant(BASE, ZoneOffset.UTC).plusDays(41);
        var body = api.apply("/api/v1/alliance/programs/" + program + "/history?by=day&from=" + to.minusDays(999)
                + "&to=" + to).body();
        var days = new ArrayList<String>();
        body.get("points").forEach(p -> days.add(p.get("at").asText() + " +" + p.get("joined") + " -" + p.get("left")));
        return days;
    }

    /**
     * Issue 15: after the same random histories (backfills, ties, duplicates, ends, re-joins, moves,
     * in random arrival order), every route asked {@code asOf} random instants and dates, and the
     * capacity and program series by every period, answer what the oracle recomputes from each key's
     * events as of those instants.
     */
    @Property(tries = 150)
    void everyRouteAnswersAsOfAnyInstantWhatTheOracleRecomputes(@ForAll("histories") List<Sent> history,
                                                                 @ForAll("pageSizes") int pageSize,
                                                                 @ForAll("asOfs") List<String> asOfs) {
        var oracle = oracle();
        try (var app = new ServedApp(sendAll(history, oracle))) {
            var expected = new LinkedHashMap<String, Expected>();
            for (String asOf : asOfs) {
                expected.putAll(oracle.answersAsOf(asOf, instantOf(asOf)));
            }
            expected.putAll(series(oracle));
            var differences = NaiveAnswers.differences(expected, app.api, pageSize);
            assertThat(differences).as("the app's answers as of %s that differ from the oracle's (%s)", asOfs, oracle)
                    .isEmpty();
        }
    }

    /** Every series route over the generated span, by each period, with and without its defaults. */
    private static Map<String, Expected> series(NaiveAnswers oracle) {
        var expected = new LinkedHashMap<String, Expected>();
        Instant longAgo = BASE.minus(Duration.ofDays(1100));
        Instant end = BASE.plus(Duration.ofDays(41));
        String span = "&from=" + longAgo + "&to=" + end;
        for (String by : List.of("week", "month", "year")) {
            expected.put("/api/v1/capacity/history?by=" + by + span,
                    oracle.capacitySeries(by, Optional.of(longAgo), end, Optional.empty()));
        }
        expected.put("/api/v1/capacity/history?by=day&from=2023-12-30&to=" + end,
                oracle.capacitySeries("day", Optional.of(Instant.parse("2023-12-30T23:59:59.999999999Z")), end,
                        Optional.empty()));
        expected.put("/api/v1/capacity/history?by=day" + span,
                oracle.capacitySeries("day", Optional.of(longAgo), end, Optional.empty()));
        expected.put("/api/v1/capacity/history?by=month",
                oracle.capacitySeries("month", Optional.empty(), TopologyFixture.NOW, Optional.empty()));
        expected.put("/api/v1/capacity/history?by=week&region=EUROPE" + span,
                oracle.capacitySeries("week", Optional.of(longAgo), end, Optional.of("EUROPE")));
        expected.put("/api/v1/capacity/history?by=day&country=FR&from=" + BASE + "&to=" + end,
                oracle.capacitySeries("day", Optional.of(BASE), end, Optional.of("FR")));
        for (Program program : List.of(Program.HAND_IN_HAND, Program.ISTAR, Program.GTI, Program.ECOSYSTEM_ALLIANCE)) {
            String route = "/api/v1/alliance/programs/" + program + "/history";
            expected.put(route + "?by=day&from=" + BASE + "&to=" + end,
                    oracle.programSeries(program, "day", Optional.of(BASE), end));
            expected.put(route + "?by=week" + span, oracle.programSeries(program, "week", Optional.of(longAgo), end));
            expected.put(route + "?by=year", oracle.programSeries(program, "year", Optional.empty(), TopologyFixture.NOW));
        }
        return expected;
    }

    /** What {@code asOf} means: an instant, or a date's last instant. */
    private static Instant instantOf(String asOf) {
        return asOf.contains("T") ? Instant.parse(asOf)
                : LocalDate.parse(asOf).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1);
    }

    private static NaiveAnswers oracle() {
        return NaiveAnswers.keepingHistory(new EventValidator(Clock.fixed(TopologyFixture.NOW, ZoneOffset.UTC),
                Duration.ofMinutes(5)));
    }

    /** Sends the history through the production topology and the oracle; returns a cluster holding the stores. */
    private static FakeCluster sendAll(List<Sent> history, NaiveAnswers oracle) {
        var cluster = new FakeCluster(1, 3);
        try (var fixture = new TopologyFixture()) {
            for (Sent sent : history) {
                if (sent.event() instanceof PopCapacityEvent pop) {
                    fixture.sendPop(TopologyFixture.utf8(sent.key()), fixture.popBytes(pop));
                    assertThat(oracle.apply(sent.key(), pop)).as("the oracle's verdict on %s", sent).isEqualTo(sent.valid());
                } else {
                    var partner = (PartnerOnboardingEvent) sent.event();
                    fixture.sendPartner(TopologyFixture.utf8(sent.key()), fixture.partnerBytes(partner));
                    assertThat(oracle.apply(sent.key(), partner)).as("the oracle's verdict on %s", sent)
                            .isEqualTo(sent.valid());
                }
            }
            assertThat(fixture.popDeadLetters().size() + fixture.partnerDeadLetters().size())
                    .as("dead letters").isEqualTo(oracle.rejected());
            for (String store : EcosystemApp.QUERYABLE_STORES) {
                fixture.all(store).forEach((key, value) -> cluster.put(store, key, value));
            }
        }
        return cluster;
    }

    /** The real query layer, routes and business gauges over one instance of {@link FakeCluster}. */
    private static final class ServedApp implements AutoCloseable {

        final Function<String, HttpAnswer> api;
        private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        private final HttpServer server;

        ServedApp(FakeCluster cluster) {
            new BusinessGauges(cluster.member(0), cluster.mapper, Clock.systemUTC(), Duration.ZERO).bindTo(registry);
            var queries = cluster.queriesVia(0, Duration.ofSeconds(5));
            var clock = Clock.fixed(TopologyFixture.NOW, ZoneOffset.UTC);
            server = HttpServer.start(0, cluster.mapper, registry, app -> {
                new ApiRoutes(new CapacityQueries(queries, cluster.mapper), new AllianceQueries(queries, cluster.mapper),
                        new TimeTravelQueries(queries, cluster.mapper), queries, clock).register(app);
                new InternalRoutes(cluster.member(0), EcosystemApp.QUERYABLE_STORES).register(app);
            });
            api = HttpAnswer.of(HTTP, URI.create("http://localhost:" + server.port()), Duration.ofSeconds(10));
        }

        @Override
        public void close() {
            server.close();
            registry.close();
        }
    }

    /**
     * Two to four {@code asOf} values: mostly instants on the hours events happen at (so ties with
     * event times are common), some within the backfills' years, some dates.
     */
    @Provide
    Arbitrary<List<String>> asOfs() {
        Arbitrary<String> recent = Arbitraries.integers().between(-2, 41 * 24)
                .map(hours -> BASE.plus(Duration.ofHours(hours)).toString());
        Arbitrary<String> longAgo = Arbitraries.integers().between(-1100 * 24, 0)
                .map(hours -> BASE.plus(Duration.ofHours(hours)).toString());
        Arbitrary<String> dates = Arbitraries.integers().between(-1100, 41)
                .map(days -> LocalDate.ofInstant(BASE, ZoneOffset.UTC).plusDays(days).toString());
        return Arbitraries.frequencyOf(Tuple.of(6, recent), Tuple.of(2, longAgo), Tuple.of(2, dates))
                .list().ofMinSize(2).ofMaxSize(4);
    }

    /** Small pages cross partitions' slices and cursors; the largest is what the ITs use. */
    @Provide
    Arbitrary<Integer> pageSizes() {
        return Arbitraries.of(1, 2, 3, NaiveAnswers.LARGEST_PAGE);
    }

    /**
     * Up to 150 events of eight PoPs and six partners, so that keys see many events each. Times are
     * whole hours of 40 days, so ties are common, and one in ten is a backfill up to three years
     * earlier, so growth spans more than one request's 1000 days. About one event in twelve is
     * spoilt, and one in ten is sent again later, as it was.
     */
    @Provide
    Arbitrary<List<Sent>> histories() {
        Arbitrary<Instant> times = Arbitraries.frequencyOf(
                Tuple.of(9, Combinators.combine(Arbitraries.integers().between(0, 40), Arbitraries.integers().between(0, 3))
                        .as((day, hour) -> BASE.plus(Duration.ofDays(day)).plus(Duration.ofHours(hour)))),
                Tuple.of(1, Arbitraries.integers().between(1, 1100).map(days -> BASE.minus(Duration.ofDays(days)))));
        Arbitrary<Flaw> flaws = Arbitraries.frequency(Tuple.of(60, Flaw.NONE), Tuple.of(1, Flaw.FUTURE),
                Tuple.of(1, Flaw.BLANK_SOURCE), Tuple.of(1, Flaw.OUT_OF_RANGE), Tuple.of(1, Flaw.UNKNOWN_COUNTRY),
                Tuple.of(1, Flaw.OTHER_KEY));
        Arbitrary<Sent> pops = Combinators.combine(Arbitraries.integers().between(0, 7).map(i -> "pop-" + i),
                        Arbitraries.frequency(Tuple.of(3, PopAction.COMMISSIONED), Tuple.of(4, PopAction.CAPACITY_CHANGED),
                                Tuple.of(2, PopAction.DECOMMISSIONED)),
                        Arbitraries.of(PLACES), Arbitraries.of(BUSINESS_LOCATIONS), Arbitraries.longs().between(0, 5_000),
                        times, flaws)
                .as(RouteAnswersProperties::pop);
        Arbitrary<Sent> partners = Combinators.combine(Arbitraries.integers().between(0, 5).map(i -> "partner-" + i),
                        Arbitraries.of(Program.HAND_IN_HAND, Program.ISTAR, Program.GTI, Program.ECOSYSTEM_ALLIANCE),
                        Arbitraries.of(PartnerRole.MEMBER, PartnerRole.PARTNER),
                        Arbitraries.frequency(Tuple.of(3, OnboardingAction.JOINED), Tuple.of(2, OnboardingAction.UPDATED),
                                Tuple.of(2, OnboardingAction.LEFT)),
                        Arbitraries.of(PARTNER_NAMES), Arbitraries.of(PARTNER_COUNTRIES),
                        Arbitraries.longs().between(0, 1_000_000).injectNull(0.2), Combinators.combine(times, flaws).as(Tuple::of))
                .as((id, program, role, action, name, country, subscribers, when) ->
                        partner(id, program, role, action, name, country, subscribers, when.get1(), when.get2()));
        Arbitrary<Optional<Integer>> againAfter = Arbitraries.integers().between(0, 16).optional(0.1);
        return Combinators.combine(Arbitraries.oneOf(pops, partners), againAfter).as(Planned::new)
                .list().ofMinSize(1).ofMaxSize(150).withSizeDistribution(RandomDistribution.uniform())
                .map(RouteAnswersProperties::withDuplicates);
    }

    private static Sent pop(String id, PopAction action, String[] place, String businessLocation, long capacity,
                            Instant at, Flaw flaw) {
        boolean ends = action == PopAction.DECOMMISSIONED;
        var event = PopCapacityEvent.newBuilder().setEventId(UUID.randomUUID()).setPopId(id).setAction(action)
                .setCity(ends ? "" : place[1]).setCountry(ends ? "" : place[0])
                .setBusinessLocation(ends ? "" : businessLocation).setCapacityMbps(ends ? 0 : capacity)
                .setOccurredAt(at).setSource("route-answers-properties");
        switch (flaw) {
            case FUTURE -> event.setOccurredAt(FUTURE);
            case BLANK_SOURCE -> event.setSource(" ");
            case OUT_OF_RANGE -> event.setCapacityMbps(EventValidator.MAX_CAPACITY_MBPS + 1);
            case UNKNOWN_COUNTRY -> event.setCountry("XX");
            case NONE, OTHER_KEY -> {
            }
        }
        return new Sent(flaw == Flaw.OTHER_KEY ? id + "-elsewhere" : id, event.build(), flaw == Flaw.NONE);
    }

    private static Sent partner(String id, Program program, PartnerRole role, OnboardingAction action, String name,
                                String country, Long subscribers, Instant at, Flaw flaw) {
        boolean ends = action == OnboardingAction.LEFT;
        var event = PartnerOnboardingEvent.newBuilder().setEventId(UUID.randomUUID()).setPartnerId(id)
                .setPartnerName(ends ? "" : name).setProgram(program).setRole(role).setAction(action)
                .setCountry(ends ? "" : country).setSubscribers(ends ? null : subscribers).setOccurredAt(at)
                .setSource("route-answers-properties");
        switch (flaw) {
            case FUTURE -> event.setOccurredAt(FUTURE);
            case BLANK_SOURCE -> event.setSource(" ");
            case OUT_OF_RANGE -> event.setSubscribers(-1L);
            case UNKNOWN_COUNTRY -> event.setCountry("XX");
            case NONE, OTHER_KEY -> {
            }
        }
        return new Sent(flaw == Flaw.OTHER_KEY ? id + "-elsewhere" : id, event.build(), flaw == Flaw.NONE);
    }

    /** An event, and whether it is sent again (the same record, same key) after that many more events. */
    private record Planned(Sent sent, Optional<Integer> againAfter) {
    }

    private static List<Sent> withDuplicates(List<Planned> planned) {
        var copiesAfter = new HashMap<Integer, List<Sent>>();
        var history = new ArrayList<Sent>();
        for (int i = 0; i < planned.size(); i++) {
            history.add(planned.get(i).sent());
            int index = i;
            int last = planned.size() - 1;
            planned.get(i).againAfter().ifPresent(after -> copiesAfter
                    .computeIfAbsent(Math.min(index + after, last), k -> new ArrayList<>()).add(planned.get(index).sent()));
            history.addAll(copiesAfter.getOrDefault(i, List.of()));
        }
        return history;
    }
}
