package com.cmobile.ecosystem.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.cmobile.ecosystem.app.query.PageRequest;
import com.cmobile.ecosystem.app.topology.StoreNames;
import com.cmobile.ecosystem.app.topology.model.BusinessLocationCapacity;
import com.cmobile.ecosystem.app.topology.model.CityCapacity;
import com.cmobile.ecosystem.app.topology.model.MembershipState;
import com.cmobile.ecosystem.app.topology.model.OrganisationCount;
import com.cmobile.ecosystem.app.topology.model.PartnerMemberships;
import com.cmobile.ecosystem.app.topology.model.PopState;
import com.cmobile.ecosystem.app.topology.model.ProgramCountryAlliance;
import com.cmobile.ecosystem.app.topology.model.StoreKeys;
import com.cmobile.ecosystem.events.PartnerRole;
import com.cmobile.ecosystem.events.Program;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ApiRoutesTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    private final HttpFixture http = new HttpFixture();

    @AfterEach
    void stop() {
        http.close();
    }

    private void put(String store, String key, Object value) {
        http.cluster.put(store, key, value);
    }

    private void city(String country, String name, long capacityMbps, long activePops) {
        put(StoreNames.CITY_CAPACITY, StoreKeys.city(country, name), new CityCapacity(country, name, capacityMbps, activePops));
    }

    private void programCountry(Program program, String country, long members, long partners, long subscribers) {
        put(StoreNames.PROGRAM_COUNTRY_ALLIANCE, StoreKeys.programCountry(program, country),
                new ProgramCountryAlliance(program, country, members, partners, subscribers));
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }

    private void assertError(HttpFixture.Response response, int status, String error, String messagePart) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.json().get("error").asText()).isEqualTo(error);
        assertThat(response.json().get("message").asText()).contains(messagePart);
        assertThat(response.body()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    // ---- capacity --------------------------------------------------------------------------

    @Test
    void capacityReturnsTheGlobalTotals() {
        city("FR", "Paris", 2000, 2);
        city("US", "New York", 1000, 1);
        put(StoreNames.BUSINESS_LOCATION_CAPACITY, "CMI Europe", new BusinessLocationCapacity("CMI Europe", 2000, 2));
        put(StoreNames.BUSINESS_LOCATION_CAPACITY, "CMI Americas", new BusinessLocationCapacity("CMI Americas", 1000, 1));

        HttpFixture.Response response = http.get("/api/v1/capacity");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json()).isEqualTo(http.cluster.mapper.valueToTree(Map.of("capacityMbps", 3000,
                "activePops", 3, "cities", 2, "countries", 2, "businessLocations", 2)));
        assertThat(response.header("X-Served-By")).isEqualTo("instance-0:7000");
    }

    @Test
    void capacityIsZeroWhenNoPopIsActive() {
        HttpFixture.Response response = http.get("/api/v1/capacity");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("capacityMbps").asLong()).isZero();
    }

    @Test
    void regionsAreListedInKeyOrderAndOneRegionIsFoundIgnoringCase() {
        city("FR", "Paris", 1500, 1);
        city("DE", "Berlin", 500, 1);
        city("JP", "Tokyo", 1000, 1);

        HttpFixture.Response list = http.get("/api/v1/capacity/regions");
        HttpFixture.Response one = http.get("/api/v1/capacity/regions/europe");

        assertThat(texts(list.json().get("items"), "region")).containsExactly("ASIA", "EUROPE");
        assertThat(list.json().get("next").isNull()).isTrue();
        assertThat(list.json().get("answeredBy").get(0).asText()).isEqualTo("instance-0:7000");
        assertThat(one.json()).isEqualTo(http.cluster.mapper.valueToTree(Map.of("region", "EUROPE",
                "capacityMbps", 2000, "activePops", 2, "cities", 2, "countries", 2)));
    }

    @Test
    void unknownRegionIsABadRequest() {
        assertError(http.get("/api/v1/capacity/regions/atlantis"), 400, "bad-request", "atlantis");
    }

    @Test
    void regionWithoutPopsIsNotFound() {
        assertError(http.get("/api/v1/capacity/regions/OCEANIA"), 404, "not-found", "OCEANIA");
    }

    @Test
    void countryIsFoundByItsCodeInAnyCase() {
        city("FR", "Paris", 1500, 1);
        city("FR", "Lyon", 500, 2);
        city("DE", "Berlin", 7, 1);

        HttpFixture.Response response = http.get("/api/v1/capacity/countries/fr");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json()).isEqualTo(http.cluster.mapper.valueToTree(
                Map.of("country", "FR", "capacityMbps", 2000, "activePops", 3, "cities", 2)));
    }

    @Test
    void unassignedCountryCodeIsABadRequest() {
        assertError(http.get("/api/v1/capacity/countries/XX"), 400, "bad-request", "XX");
    }

    @Test
    void countryWithoutPopsIsNotFound() {
        assertError(http.get("/api/v1/capacity/countries/DE"), 404, "not-found", "DE");
    }

    @Test
    void countriesArePagedWithAnOpaqueCursor() {
        List.of("FR", "DE", "US").forEach(c -> city(c, "Capital", 1, 1));

        HttpFixture.Response first = http.get("/api/v1/capacity/countries?limit=2");
        HttpFixture.Response second = http.get("/api/v1/capacity/countries?limit=2&after=" + first.json().get("next").asText());

        assertThat(texts(first.json().get("items"), "country")).containsExactly("DE", "FR");
        assertThat(texts(second.json().get("items"), "country")).containsExactly("US");
        assertThat(second.json().get("next").isNull()).isTrue();
    }

    @Test
    void citiesOfACountryAreListedAndOneCityIsFoundIgnoringCase() {
        put(StoreNames.CITY_CAPACITY, StoreKeys.city("FR", "Paris"), new CityCapacity("FR", "Paris", 1500, 1));
        put(StoreNames.CITY_CAPACITY, StoreKeys.city("FR", "Lyon"), new CityCapacity("FR", "Lyon", 500, 1));
        put(StoreNames.CITY_CAPACITY, StoreKeys.city("DE", "Berlin"), new CityCapacity("DE", "Berlin", 700, 1));

        HttpFixture.Response list = http.get("/api/v1/capacity/countries/FR/cities");
        HttpFixture.Response one = http.get("/api/v1/capacity/countries/FR/cities/PARIS");

        assertThat(texts(list.json().get("items"), "city")).containsExactly("Lyon", "Paris");
        assertThat(one.json()).isEqualTo(http.cluster.mapper.valueToTree(
                Map.of("country", "FR", "city", "Paris", "capacityMbps", 1500, "activePops", 1)));
    }

    @Test
    void unknownCityIsNotFound() {
        assertError(http.get("/api/v1/capacity/countries/FR/cities/Atlantis"), 404, "not-found", "atlantis");
    }

    @Test
    void activePopIsReturnedWithItsRegion() {
        put(StoreNames.POP_STATE, "pop-1", new PopState("pop-1", true, "Paris", "FR", "CM Europe", 1500, T0, "e1"));

        HttpFixture.Response response = http.get("/api/v1/pops/pop-1");

        assertThat(response.json()).isEqualTo(http.cluster.mapper.valueToTree(Map.of("popId", "pop-1", "city", "Paris",
                "country", "FR", "region", "EUROPE", "businessLocation", "CM Europe", "capacityMbps", 1500,
                "occurredAt", "2026-03-01T08:00:00Z")));
    }

    @Test
    void decommissionedPopIsNotFound() {
        put(StoreNames.POP_STATE, "pop-2", new PopState("pop-2", false, "Lyon", "FR", "CM Europe", 500, T0, "e2"));

        assertError(http.get("/api/v1/pops/pop-2"), 404, "not-found", "decommissioned");
    }

    @Test
    void unknownPopIsNotFound() {
        assertError(http.get("/api/v1/pops/nope"), 404, "not-found", "nope");
    }

    @Test
    void businessLocationsAreListedAndFoundByName() {
        put(StoreNames.BUSINESS_LOCATION_CAPACITY, "CM Europe", new BusinessLocationCapacity("CM Europe", 1500, 1));

        assertThat(texts(http.get("/api/v1/capacity/business-locations").json().get("items"), "businessLocation"))
                .containsExactly("CM Europe");
        assertThat(http.get("/api/v1/capacity/business-locations/CM%20Europe").json().get("capacityMbps").asLong())
                .isEqualTo(1500);
        assertError(http.get("/api/v1/capacity/business-locations/CM%20Asia"), 404, "not-found", "CM Asia");
    }

    // ---- as of an instant ------------------------------------------------------------------

    private void popHistory() {
        for (PopState version : List.of(
                new PopState("pop-1", true, "Paris", "FR", "CM Europe", 1000, T0, "e1"),
                new PopState("pop-1", true, "Paris", "FR", "CM Europe", 1500, T0.plusSeconds(3600), "e2"),
                new PopState("pop-1", false, "Paris", "FR", "CM Europe", 1500, T0.plusSeconds(86_400 * 2), "e3"))) {
            put(StoreNames.POP_HISTORY, StoreKeys.popVersion("pop-1", version.occurredAt()), version);
        }
    }

    @Test
    void popAsOfAnInstantIsItsStateThen() {
        popHistory();

        assertThat(http.get("/api/v1/pops/pop-1?asOf=2026-03-01T08:30:00Z").json().get("capacityMbps").asLong())
                .isEqualTo(1000);
        assertError(http.get("/api/v1/pops/pop-1?asOf=2026-02-28"), 404, "not-found", "as of");
        assertError(http.get("/api/v1/pops/pop-1?asOf=2026-03-03T09:00:00Z"), 404, "not-found", "decommissioned");
    }

    @Test
    void capacityAsOfADateCountsTheWholeDay() {
        popHistory();

        JsonNode json = http.get("/api/v1/capacity?asOf=2026-03-01").json();

        assertThat(json.get("capacityMbps").asLong()).isEqualTo(1500);
        assertThat(json.get("activePops").asLong()).isEqualTo(1);
        assertThat(json.get("businessLocations").asLong()).isEqualTo(1);
    }

    @Test
    void capacitySeriesGivesEachDayAsOfItsEnd() {
        popHistory();

        JsonNode json = http.get("/api/v1/capacity/history?by=day&from=2026-02-28&to=2026-03-04").json();

        assertThat(json.get("by").asText()).isEqualTo("day");
        assertThat(texts(json.get("points"), "capacityMbps")).containsExactly("0", "1500", "1500", "0", "0");
        assertThat(texts(json.get("points"), "at")).first().isEqualTo("2026-02-28");
    }

    @Test
    void aSeriesPastAThousandPointsIsABadRequest() {
        assertError(http.get("/api/v1/capacity/history?by=day&from=2020-01-01&to=2026-01-01"), 400, "bad-request",
                "at most 1000 points");
        assertError(http.get("/api/v1/alliance/programs/GTI/history?by=fortnight"), 400, "bad-request", "'by'");
    }

    @Test
    void anAsOfThatIsNeitherAnInstantNorADateIsABadRequest() {
        assertError(http.get("/api/v1/capacity?asOf=yesterday"), 400, "bad-request", "'asOf'");
    }

    // ---- alliance --------------------------------------------------------------------------

    @Test
    void allianceListsOrganisationsAndEveryProgramWithZerosForEmptyOnes() {
        put(StoreNames.ORGANISATION_COUNT, StoreKeys.GLOBAL, new OrganisationCount(2));
        programCountry(Program.GTI, "FR", 1, 0, 600);
        programCountry(Program.GTI, "DE", 0, 1, 300);

        JsonNode json = http.get("/api/v1/alliance").json();

        assertThat(json.get("organisations").asLong()).isEqualTo(2);
        assertThat(texts(json.get("programs"), "program")).containsExactly("HAND_IN_HAND", "ISTAR", "GTI", "ECOSYSTEM_ALLIANCE");
        assertThat(json.get("programs").get(2).get("subscribers").asLong()).isEqualTo(900);
        assertThat(json.get("programs").get(0).get("members").asLong()).isZero();
    }

    @Test
    void programIsFoundByItsNameInAnyCase() {
        programCountry(Program.GTI, "FR", 1, 0, 600);
        programCountry(Program.GTI, "DE", 0, 1, 300);
        programCountry(Program.ISTAR, "DE", 5, 0, 1);

        HttpFixture.Response response = http.get("/api/v1/alliance/programs/gti");

        assertThat(response.json()).isEqualTo(http.cluster.mapper.valueToTree(Map.of("program", "GTI", "members", 1,
                "partners", 1, "subscribers", 900, "countries", 2)));
    }

    @Test
    void unknownProgramIsABadRequest() {
        assertError(http.get("/api/v1/alliance/programs/nope"), 400, "bad-request", "unknown program 'nope'");
        assertError(http.get("/api/v1/alliance/programs/UNKNOWN"), 400, "bad-request", "unknown program");
    }

    @Test
    void regionsOfAProgramAreListed() {
        programCountry(Program.GTI, "FR", 1, 0, 10);
        programCountry(Program.GTI, "DE", 2, 1, 10);
        programCountry(Program.GTI, "JP", 0, 1, 10);
        programCountry(Program.ISTAR, "KE", 1, 0, 10);

        JsonNode json = http.get("/api/v1/alliance/programs/GTI/regions").json();

        assertThat(texts(json.get("items"), "region")).containsExactly("ASIA", "EUROPE");
        assertThat(json.get("items").get(1)).isEqualTo(http.cluster.mapper.valueToTree(Map.of("program", "GTI",
                "region", "EUROPE", "members", 3, "partners", 1)));
    }

    @Test
    void growthCountsTheBeginningsAndEndsOfEachMembershipsHistoryByDay() {
        version("p1", "2026-03-02T09:00:00Z", true);                    // joins on the 2nd
        version("p2", "2026-03-01T23:59:59Z", true);                    // joins on the 1st (a UTC day) ...
        version("p2", "2026-03-02T11:00:00Z", false);                   // ... and leaves on the 2nd
        version("p3", "2026-02-01T00:00:00Z", true);                    // joined before the range,
        version("p3", "2026-03-02T12:00:00Z", true);                    // an update is no beginning
        version("p4", "2026-03-02T08:00:00Z", false);                   // a first version that is a departure
        version("p4", "2026-03-03T08:00:00Z", true);                    // ends nothing; then it joins

        JsonNode json = http.get("/api/v1/alliance/programs/GTI/growth?from=2026-03-01&to=2026-03-04").json();

        assertThat(json).isEqualTo(http.cluster.mapper.valueToTree(Map.of("program", "GTI", "days", List.of(
                Map.of("day", "2026-03-01", "joined", 1, "left", 0),
                Map.of("day", "2026-03-02", "joined", 1, "left", 1),
                Map.of("day", "2026-03-03", "joined", 1, "left", 0),
                Map.of("day", "2026-03-04", "joined", 0, "left", 0)))));
        assertThat(http.get("/api/v1/alliance/programs/ISTAR/growth?from=2026-03-01&to=2026-03-04").json()
                .findValues("joined")).allMatch(joined -> joined.asLong() == 0);
    }

    /** A version of partner {@code partnerId}'s GTI membership in {@code membership-history-store}. */
    private void version(String partnerId, String at, boolean active) {
        Instant occurredAt = Instant.parse(at);
        put(StoreNames.MEMBERSHIP_HISTORY, StoreKeys.membershipVersion(partnerId, Program.GTI, occurredAt),
                new MembershipState(Program.GTI, active, PartnerRole.MEMBER, "Partner " + partnerId, "DE", 10,
                        occurredAt, partnerId + "@" + at));
    }

    @Test
    void growthDefaultsToTheLastThirtyDays() {
        JsonNode days = http.get("/api/v1/alliance/programs/GTI/growth").json().get("days");

        assertThat(days).hasSize(30);
        assertThat(days.get(29).get("day").asText()).isEqualTo("2026-03-10");
    }

    @Test
    void growthWithABadDateOrRangeIsABadRequest() {
        assertError(http.get("/api/v1/alliance/programs/GTI/growth?from=2026-13-01"), 400, "bad-request", "'from'");
        assertError(http.get("/api/v1/alliance/programs/GTI/growth?from=2026-03-05&to=2026-03-01"), 400, "bad-request",
                "after");
        assertError(http.get("/api/v1/alliance/programs/GTI/growth?from=2020-01-01&to=2026-01-01"), 400, "bad-request",
                "at most");
    }

    @Test
    void partnersOfAProgramAreItsCurrentMembersOnly() {
        put(StoreNames.MEMBERSHIP_STATE, "p1", partner("p1", Program.GTI, true));
        put(StoreNames.MEMBERSHIP_STATE, "p2", partner("p2", Program.GTI, false));
        put(StoreNames.MEMBERSHIP_STATE, "p3", partner("p3", Program.ISTAR, true));

        JsonNode json = http.get("/api/v1/alliance/programs/GTI/partners").json();

        assertThat(texts(json.get("items"), "partnerId")).containsExactly("p1");
        assertThat(json.get("items").get(0).get("role").asText()).isEqualTo("MEMBER");
    }

    @Test
    void partnerShowsItsCurrentMemberships() {
        put(StoreNames.MEMBERSHIP_STATE, "p1", partner("p1", Program.GTI, true));

        JsonNode json = http.get("/api/v1/partners/p1").json();

        assertThat(json.get("partnerId").asText()).isEqualTo("p1");
        assertThat(texts(json.get("memberships"), "program")).containsExactly("GTI");
    }

    @Test
    void partnerThatLeftEveryProgramIsNotFound() {
        put(StoreNames.MEMBERSHIP_STATE, "p2", partner("p2", Program.GTI, false));

        assertError(http.get("/api/v1/partners/p2"), 404, "not-found", "p2");
    }

    private static PartnerMemberships partner(String id, Program program, boolean active) {
        return PartnerMemberships.none(id).with(new MembershipState(program, active, PartnerRole.MEMBER, "Org " + id,
                "FR", 100, T0, "e-" + id));
    }

    // ---- instances, errors ----------------------------------------------------------------

    @Test
    void instancesListsEveryInstanceWithItsPartitions() {
        JsonNode json = http.get("/api/v1/instances").json();

        assertThat(json.get("instances").get(0).get("instance").asText()).isEqualTo("instance-0:7000");
        assertThat(json.get("instances").get(0).get("state").asText()).isEqualTo("RUNNING");
        assertThat(json.get("instances").get(0).get("activePartitions")).hasSize(3);
    }

    @Test
    void limitOutOfRangeOrNotANumberIsABadRequest() {
        assertError(http.get("/api/v1/capacity/countries?limit=0"), 400, "bad-request", "'limit'");
        assertError(http.get("/api/v1/capacity/countries?limit=" + (PageRequest.MAX_LIMIT + 1)), 400, "bad-request", "'limit'");
        assertError(http.get("/api/v1/capacity/countries?limit=ten"), 400, "bad-request", "'limit'");
    }

    @Test
    void malformedCursorIsABadRequest() {
        assertError(http.get("/api/v1/capacity/countries?after=%25%25"), 400, "bad-request", "'after'");
    }

    @Test
    void flagThatIsNotABooleanIsABadRequest() {
        assertError(http.get("/api/v1/capacity?stale=maybe"), 400, "bad-request", "'stale'");
    }

    @Test
    void restoringStoreAnswers503WithRetryAfterAndAReason() {
        http.cluster.restoring(0, StoreNames.CITY_CAPACITY);

        HttpFixture.Response key = http.get("/api/v1/capacity/countries/FR");
        HttpFixture.Response list = http.get("/api/v1/capacity/countries");

        assertError(key, 503, "unavailable", "restoring");
        assertThat(key.header("Retry-After")).isEqualTo("2");
        assertError(list, 503, "unavailable", "restoring");
        assertThat(list.header("Retry-After")).isEqualTo("2");
    }

    @Test
    void unknownPathIsAJsonNotFound() {
        assertError(http.get("/api/v1/nothing-here"), 404, "not-found", "/api/v1/nothing-here");
    }

    @Test
    void unexpectedErrorIsA500WithAReferenceAndNoStackTrace() {
        put(StoreNames.CITY_CAPACITY, StoreKeys.city("FR", "Paris"), Map.of("capacityMbps", "not a number"));

        assertError(http.get("/api/v1/capacity"), 500, "internal", "reference");
    }

    @Test
    void requestsAreTimedByRouteTemplateAndStatus() {
        http.get("/api/v1/capacity/countries/DE");
        http.get("/api/v1/nothing-here");

        assertThat(http.registry.get("http.server.requests")
                .tags("route", "/api/v1/capacity/countries/{country}", "status", "404").timer().count()).isEqualTo(1);
        assertThat(http.registry.find("http.server.requests").tag("route", "/api/v1/nothing-here").timer()).isNull();
        assertThat(http.registry.get("http.server.requests").tags("route", "unmatched", "status", "404").timer().count())
                .isEqualTo(1);
    }

    @Test
    void healthProbesAnswerWithTheirStatus() {
        HttpFixture.Response live = http.get("/health/live");
        HttpFixture.Response ready = http.get("/health/ready");

        assertThat(live.status()).isEqualTo(200);
        assertThat(live.json().get("status").asText()).isEqualTo("UP");
        assertThat(ready.status()).isEqualTo(503);
        assertThat(ready.json().get("problems").get(0).asText()).contains("REBALANCING");
    }

    @Test
    void internalEndpointsExposeOnlyQueryableStores() {
        assertError(http.get("/internal/v1/stores/secret-store/key?key=x"), 400, "bad-request", "secret-store");
    }
}
