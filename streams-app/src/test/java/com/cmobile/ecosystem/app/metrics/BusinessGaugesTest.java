package com.cmobile.ecosystem.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.cmobile.ecosystem.app.query.FakeCluster;
import com.cmobile.ecosystem.app.topology.StoreNames;
import com.cmobile.ecosystem.app.topology.model.BusinessLocationCapacity;
import com.cmobile.ecosystem.app.topology.model.CityCapacity;
import com.cmobile.ecosystem.app.topology.model.ProgramCountryAlliance;
import com.cmobile.ecosystem.app.topology.model.StoreKeys;
import com.cmobile.ecosystem.events.Program;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BusinessGaugesTest {

    private final FakeCluster cluster = new FakeCluster(2, 4);

    private SimpleMeterRegistry gaugesOf(int instance, Clock clock, Duration maxAge) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new BusinessGauges(cluster.member(instance), cluster.mapper, clock, maxAge).bindTo(registry);
        return registry;
    }

    @Test
    void eachInstanceSumsTheGroupsItsActiveTasksHoldSoTheSumIsTheGlobalFigure() {
        // Each key is active on one instance and standby on the other; the keys spread over both.
        cluster.put(StoreNames.CITY_CAPACITY, StoreKeys.city("FR", "Paris"), new CityCapacity("FR", "Paris", 1000, 2));
        cluster.put(StoreNames.CITY_CAPACITY, StoreKeys.city("FR", "Lyon"), new CityCapacity("FR", "Lyon", 500, 1));
        cluster.put(StoreNames.CITY_CAPACITY, StoreKeys.city("JP", "Tokyo"), new CityCapacity("JP", "Tokyo", 1500, 3));
        cluster.put(StoreNames.CITY_CAPACITY, StoreKeys.city("KE", "Nairobi"), new CityCapacity("KE", "Nairobi", 7, 1));
        cluster.put(StoreNames.BUSINESS_LOCATION_CAPACITY, "CMI Europe", new BusinessLocationCapacity("CMI Europe", 1500, 3));
        cluster.put(StoreNames.BUSINESS_LOCATION_CAPACITY, "CMI Asia", new BusinessLocationCapacity("CMI Asia", 1507, 4));
        cluster.put(StoreNames.PROGRAM_COUNTRY_ALLIANCE, "GTI|FR", new ProgramCountryAlliance(Program.GTI, "FR", 3, 1, 600));
        cluster.put(StoreNames.PROGRAM_COUNTRY_ALLIANCE, "GTI|JP", new ProgramCountryAlliance(Program.GTI, "JP", 1, 0, 300));
        cluster.put(StoreNames.PROGRAM_COUNTRY_ALLIANCE, "ISTAR|JP", new ProgramCountryAlliance(Program.ISTAR, "JP", 0, 5, 10));
        assertThat(Stream.of(StoreKeys.city("FR", "Paris"), StoreKeys.city("FR", "Lyon"), StoreKeys.city("JP", "Tokyo"),
                StoreKeys.city("KE", "Nairobi")).map(key -> cluster.partitionOf(key) % 2).distinct())
                .as("the cities are spread over both instances").hasSize(2);

        double capacity = 0;
        double pops = 0;
        double cities = 0;
        double locations = 0;
        double europe = 0;
        double members = 0;
        double subscribers = 0;
        for (int i = 0; i < 2; i++) {
            SimpleMeterRegistry registry = gaugesOf(i, Clock.systemUTC(), Duration.ZERO);
            capacity += registry.get("ecosystem.capacity.mbps").gauge().value();
            pops += registry.get("ecosystem.active.pops").gauge().value();
            cities += registry.get("ecosystem.cities").gauge().value();
            locations += registry.get("ecosystem.business.locations").gauge().value();
            europe += registry.get("ecosystem.region.capacity.mbps").tag("region", "EUROPE").gauge().value();
            members += registry.get("ecosystem.program.members").tag("program", "GTI").gauge().value();
            subscribers += registry.get("ecosystem.program.subscribers").tag("program", "GTI").gauge().value();
        }

        assertThat(capacity).isEqualTo(3007);
        assertThat(pops).isEqualTo(7);
        assertThat(cities).isEqualTo(4);
        assertThat(locations).isEqualTo(2);
        assertThat(europe).isEqualTo(1500);
        assertThat(members).isEqualTo(4);
        assertThat(subscribers).isEqualTo(900);
    }

    @Test
    void storesAreReadAtMostOncePerMaxAge() {
        Clock frozen = Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC);
        int owner = cluster.partitionOf(PARIS) % 2;
        SimpleMeterRegistry registry = gaugesOf(owner, frozen, Duration.ofSeconds(5));
        assertThat(registry.get("ecosystem.active.pops").gauge().value()).isZero();

        cluster.put(StoreNames.CITY_CAPACITY, PARIS, new CityCapacity("FR", "Paris", 3000, 3));

        assertThat(registry.get("ecosystem.active.pops").gauge().value()).isZero();
    }

    @Test
    void restoringStoreReportsZeroRatherThanAStaleFigure() {
        int owner = cluster.partitionOf(PARIS) % 2;
        cluster.put(StoreNames.CITY_CAPACITY, PARIS, new CityCapacity("FR", "Paris", 3000, 3));
        cluster.restoring(owner, StoreNames.CITY_CAPACITY);

        assertThat(gaugesOf(owner, Clock.systemUTC(), Duration.ZERO).get("ecosystem.capacity.mbps").gauge().value()).isZero();
    }

    private static final String PARIS = StoreKeys.city("FR", "Paris");
}
