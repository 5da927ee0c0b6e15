package com.cmobile.ecosystem.app.topology;

import static com.cmobile.ecosystem.app.topology.Events.commissioned;
import static com.cmobile.ecosystem.app.topology.Events.decommissioned;
import static com.cmobile.ecosystem.app.topology.Events.resized;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import com.cmobile.ecosystem.app.topology.model.BusinessLocationCapacity;
import com.cmobile.ecosystem.app.topology.model.CityCapacity;
import com.cmobile.ecosystem.app.topology.model.CountryCapacity;
import com.cmobile.ecosystem.app.topology.model.GlobalCapacity;
import com.cmobile.ecosystem.app.topology.model.PopState;
import com.cmobile.ecosystem.app.topology.model.RegionCapacity;
import com.cmobile.ecosystem.app.topology.model.StoreKeys;
import com.cmobile.ecosystem.geo.Region;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CapacityTopologyTest {

    private static final Instant T1 = Instant.parse("2025-01-10T08:00:00Z");
    private static final Instant T2 = Instant.parse("2025-02-10T08:00:00Z");
    private static final Instant T3 = Instant.parse("2025-03-10T08:00:00Z");

    private final TopologyFixture fixture = new TopologyFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void commissionedPopCountsInCityCountryRegionAndGlobalTotals() {
        fixture.send(commissioned("pop-1", "Paris", "FR", "CMI Europe", 100, T1));
        fixture.send(commissioned("pop-2", "Lyon", "FR", "CMI Europe", 50, T1));

        assertThat(city("FR", "paris")).contains(new CityCapacity("FR", "Paris", 100, 1));
        assertThat(fixture.country("FR"))
                .contains(new CountryCapacity("FR", 150, 2, 2));
        assertThat(fixture.region("EUROPE"))
                .contains(new RegionCapacity(Region.EUROPE, 150, 2, 2, 1));
        assertThat(global()).isEqualTo(new GlobalCapacity(150, 2, 2, 1, 1));
    }

    @Test
    void resizedPopChangesCapacityButNoCount() {
        fixture.send(commissioned("pop-1", "Paris", "FR", "CMI Europe", 100, T1));

        fixture.send(resized("pop-1", "Paris", "FR", "CMI Europe", 400, T2));

        assertThat(city("FR", "paris")).contains(new CityCapacity("FR", "Paris", 400, 1));
        assertThat(global()).isEqualTo(new GlobalCapacity(400, 1, 1, 1, 1));
    }

    @Test
    void popMovingCityLeavesTheOldCityAndJoinsTheNewOne() {
        fixture.send(commissioned("pop-1", "Paris", "FR", "CMI Europe", 100, T1));
        fixture.send(commissioned("pop-2", "Paris", "FR", "CMI Europe", 10, T1));

        fixture.send(resized("pop-1", "Marseille", "FR", "CMI Europe", 100, T2));

        assertThat(city("FR", "paris")).contains(new CityCapacity("FR", "Paris", 10, 1));
        assertThat(city("FR", "marseille")).contains(new CityCapacity("FR", "Marseille", 100, 1));
        assertThat(fixture.country("FR"))
                .contains(new CountryCapacity("FR", 110, 2, 2));
    }

    @Test
    void lastPopMovingAwayRemovesTheCity() {
        fixture.send(commissioned("pop-1", "Paris", "FR", "CMI Europe", 100, T1));

        fixture.send(resized("pop-1", "Marseille", "FR", "CMI Europe", 100, T2));

        assertThat(city("FR", "paris")).isEmpty();
        assertThat(global()).isEqualTo(new GlobalCapacity(100, 1, 1, 1, 1));
    }

    @Test
    void popMovingCountryLeavesTheOldCountryAndRegion() {
        fixture.send(commissioned("pop-1", "Paris", "FR", "CMI Europe", 100, T1));
        fixture.send(commissioned("pop-2", "Tokyo", "JP", "CMI Asia", 30, T1));

        fixture.send(resized("pop-1", "Osaka", "JP", "CMI Asia", 120, T2));

        assertThat(fixture.country("FR")).isEmpty();
        assertThat(fixture.region("EUROPE")).isEmpty();
        assertThat(fixture.country("JP"))
                .contains(new CountryCapacity("JP", 150, 2, 2));
        assertThat(fixture.region("ASIA"))
                .contains(new RegionCapacity(Region.ASIA, 150, 2, 2, 1));
        assertThat(global()).isEqualTo(new GlobalCapacity(150, 2, 2, 1, 1));
    }

    @Test
    void cityNamesDifferingInCaseAndSurroundingBlanksAreOneCity() {
        fixture.send(commissioned("pop-1", "Paris", "FR", "CMI Europe", 100, T1));
        fixture.send(commissioned("pop-2", "  PARIS ", "FR", "CMI Europe", 20, T2));

        assertThat(fixture.all(StoreNames.CITY_CAPACITY)).containsOnlyKeys(StoreKeys.city("FR", "paris"));
        assertThat(city("FR", "Paris")).contains(new CityCapacity("FR", "PARIS", 120, 2));
        assertThat(global().cities()).isEqualTo(1);
    }

    @Test
    void sameCityNameInTwoCountriesIsTwoCities() {
        fixture.send(commissioned("pop-1", "London", "GB", "CMI Europe", 100, T1));
        fixture.send(commissioned("pop-2", "London", "CA", "CMI Americas", 10, T1));

        assertThat(global()).isEqualTo(new GlobalCapacity(110, 2, 2, 2, 2));
    }

    @Test
    void decommissionedPopLeavesEveryTotal() {
        fixture.send(commissioned("pop-1", "Paris", "FR", "CMI Europe", 100, T1));
        fixture.send(commissioned("pop-2", "Tokyo", "JP", "CMI Asia", 30, T1));

        fixture.send(decommissioned("pop-1", T2));

        assertThat(city("FR", "paris")).isEmpty();
        assertThat(fixture.country("FR")).isEmpty();
        assertThat(fixture.<BusinessLocationCapacity>get(StoreNames.BUSINESS_LOCATION_CAPACITY, "CMI Europe")).isEmpty();
        assertThat(global()).isEqualTo(new GlobalCapacity(30, 1, 1, 1, 1));
        assertThat(fixture.<PopState>get(StoreNames.POP_STATE, "pop-1")).hasValueSatisfying(state -> {
            assertThat(state.active()).isFalse();
            assertThat(state.occurredAt()).isEqualTo(T2);
        });
    }

    @Test
    void decommissioningTheLastPopEmptiesTheGlobalStore() {
        fixture.send(commissioned("pop-1", "Paris", "FR", "CMI Europe", 100, T1));

        fixture.send(decommissioned("pop-1", T2));

        assertThat(fixture.global()).isEmpty();
        assertThat(fixture.all(StoreNames.CITY_CAPACITY)).isEmpty();
        assertThat(fixture.regions()).isEmpty();
    }

    @Test
    void recommissionedPopCountsAgain() {
        fixture.send(commissioned("pop-1", "Paris", "FR", "CMI Europe", 100, T1));
        fixture.send(decommissioned("pop-1", T2));

        fixture.send(commissioned("pop-1", "Lyon", "FR", "CMI Europe", 70, T3));

        assertThat(city("FR", "lyon")).contains(new CityCapacity("FR", "Lyon", 70, 1));
        assertThat(global()).isEqualTo(new GlobalCapacity(70, 1, 1, 1, 1));
    }

    @Test
    void olderEventArrivingLateIsIgnored() {
        fixture.send(commissioned("pop-1", "Paris", "FR", "CMI Europe", 100, T2));

        fixture.send(resized("pop-1", "Lyon", "FR", "CMI Europe", 999, T1));

        assertThat(city("FR", "paris")).contains(new CityCapacity("FR", "Paris", 100, 1));
        assertThat(city("FR", "lyon")).isEmpty();
        assertThat(fixture.<PopState>get(StoreNames.POP_STATE, "pop-1").map(PopState::occurredAt)).contains(T2);
    }

    @Test
    void olderCommissioningArrivingAfterTheDecommissioningDoesNotReviveThePop() {
        fixture.send(decommissioned("pop-1", T2));

        fixture.send(commissioned("pop-1", "Paris", "FR", "CMI Europe", 100, T1));

        assertThat(fixture.global()).isEmpty();
        assertThat(fixture.<PopState>get(StoreNames.POP_STATE, "pop-1").map(PopState::active)).contains(false);
    }

    @Test
    void duplicateEventChangesNothing() {
        var event = commissioned("pop-1", "Paris", "FR", "CMI Europe", 100, T1);
        fixture.send(event);

        fixture.send(event);

        assertThat(global()).isEqualTo(new GlobalCapacity(100, 1, 1, 1, 1));
        assertThat(city("FR", "paris")).contains(new CityCapacity("FR", "Paris", 100, 1));
    }

    @Test
    void onEqualEventTimesTheLaterArrivingEventWins() {
        fixture.send(commissioned("pop-1", "Paris", "FR", "CMI Europe", 100, T1));

        fixture.send(resized("pop-1", "Paris", "FR", "CMI Europe", 250, T1));

        assertThat(global().capacityMbps()).isEqualTo(250);
    }

    @Test
    void backfillDatedYearsBackAppliesToAPopWithNoNewerState() {
        fixture.send(commissioned("pop-1", "Paris", "FR", "CMI Europe", 100, T3));

        fixture.send(commissioned("pop-old", "Nairobi", "KE", "CMI Africa", 40, Instant.parse("2009-05-01T00:00:00Z")));

        assertThat(fixture.region("AFRICA"))
                .contains(new RegionCapacity(Region.AFRICA, 40, 1, 1, 1));
        assertThat(global()).isEqualTo(new GlobalCapacity(140, 2, 2, 2, 2));
    }

    @Test
    void popChangingBusinessLocationMovesItsCapacity() {
        fixture.send(commissioned("pop-1", "Paris", "FR", "CMI Europe", 100, T1));
        fixture.send(commissioned("pop-2", "Berlin", "DE", "CMI Europe", 10, T1));

        fixture.send(resized("pop-1", "Paris", "FR", "CMI France", 100, T2));

        assertThat(fixture.all(StoreNames.BUSINESS_LOCATION_CAPACITY)).containsOnly(
                org.assertj.core.api.Assertions.entry("CMI Europe", new BusinessLocationCapacity("CMI Europe", 10, 1)),
                org.assertj.core.api.Assertions.entry("CMI France", new BusinessLocationCapacity("CMI France", 100, 1)));
        assertThat(global().businessLocations()).isEqualTo(2);
    }

    @Test
    void eventTimeIsOccurredAtNotTheRecordTimestamp() {
        // The fixture stamps every record with "now"; the event dated T2 must still beat the one dated T3 only by occurredAt.
        fixture.send(commissioned("pop-1", "Paris", "FR", "CMI Europe", 100, T3));

        fixture.send(resized("pop-1", "Paris", "FR", "CMI Europe", 5, T2));

        assertThat(global().capacityMbps()).isEqualTo(100);
    }

    private java.util.Optional<CityCapacity> city(String country, String city) {
        return fixture.get(StoreNames.CITY_CAPACITY, StoreKeys.city(country, city));
    }

    private GlobalCapacity global() {
        return fixture.globalCapacity()
                .orElseThrow(() -> new AssertionError("no global capacity entry"));
    }
}
