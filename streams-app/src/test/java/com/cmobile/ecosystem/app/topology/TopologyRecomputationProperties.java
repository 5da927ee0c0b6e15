package com.cmobile.ecosystem.app.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import com.cmobile.ecosystem.app.topology.model.BusinessLocationCapacity;
import com.cmobile.ecosystem.app.topology.model.CityCapacity;
import com.cmobile.ecosystem.app.topology.model.CountryCapacity;
import com.cmobile.ecosystem.app.topology.model.GlobalCapacity;
import com.cmobile.ecosystem.app.topology.model.MembershipState;
import com.cmobile.ecosystem.app.topology.model.OrganisationCount;
import com.cmobile.ecosystem.app.topology.model.PartnerMemberships;
import com.cmobile.ecosystem.app.topology.model.PopState;
import com.cmobile.ecosystem.app.topology.model.ProgramAlliance;
import com.cmobile.ecosystem.app.topology.model.ProgramCountryAlliance;
import com.cmobile.ecosystem.app.topology.model.ProgramRegionAlliance;
import com.cmobile.ecosystem.app.topology.model.RegionCapacity;
import com.cmobile.ecosystem.app.topology.model.StoreKeys;
import com.cmobile.ecosystem.events.OnboardingAction;
import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import com.cmobile.ecosystem.events.PartnerRole;
import com.cmobile.ecosystem.events.PopAction;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.events.Program;
import com.cmobile.ecosystem.geo.Countries;
import com.cmobile.ecosystem.geo.Region;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

/**
 * Random histories — moves, re-sizes, ends and restarts, late (older) events, ties and exact
 * duplicates — through the production topology; afterwards every store must equal a naive
 * recomputation: fold the events in arrival order applying the ordering rule per key, recompute
 * every aggregate from the final states. (Growth is read from the histories at query time:
 * {@code RouteAnswersProperties} checks it.)
 */
class TopologyRecomputationProperties {

    private static final Instant BASE = Instant.parse("2020-01-01T00:00:00Z");
    /** Cities of a few countries, with spellings that differ only in case and surrounding blanks. */
    private static final List<String[]> CITIES = List.of(
            new String[] {"FR", "Paris"}, new String[] {"FR", " paris "}, new String[] {"FR", "PARIS"},
            new String[] {"FR", "Lyon"}, new String[] {"DE", "Berlin"}, new String[] {"DE", "berlin"},
            new String[] {"JP", "Tokyo"}, new String[] {"US", "New York"}, new String[] {"US", "new york "},
            new String[] {"KE", "Nairobi"}, new String[] {"AU", "Sydney"}, new String[] {"BR", "São Paulo"},
            new String[] {"BR", "SÃO PAULO"}, new String[] {"CA", "London"}, new String[] {"GB", "London"});
    private static final List<String> PARTNER_COUNTRIES = List.of("FR", "DE", "JP", "US", "KE", "AU", "BR", "GB");

    @Property(tries = 200)
    void everyStoreEqualsARecomputationFromTheSameHistory(@ForAll("histories") List<Object> history,
                                                          @ForAll("flushIntervals") int flushEvery) {
        try (var fixture = new TopologyFixture()) {
            int sent = 0;
            for (Object event : history) {
                if (event instanceof PopCapacityEvent pop) {
                    fixture.send(pop);
                } else {
                    fixture.send((PartnerOnboardingEvent) event);
                }
                if (++sent % flushEvery == 0) {
                    fixture.flush(); // partial sums go out between events too, not only at the end
                }
            }
            var expected = Recomputation.of(history);

            assertThat(fixture.popDeadLetters()).isEmpty();
            assertThat(fixture.partnerDeadLetters()).isEmpty();
            assertThat(project(fixture.<PopState>all(StoreNames.POP_STATE), TopologyRecomputationProperties::describe))
                    .isEqualTo(expected.popStates);
            assertThat(project(fixture.<PartnerMemberships>all(StoreNames.MEMBERSHIP_STATE),
                    TopologyRecomputationProperties::describe)).isEqualTo(expected.partnerStates);
            assertThat(project(fixture.<CityCapacity>all(StoreNames.CITY_CAPACITY),
                    c -> new CityCapacity(c.country(), StoreKeys.normaliseCity(c.city()), c.capacityMbps(), c.activePops())))
                    .isEqualTo(expected.cities);
            assertThat(fixture.countries()).isEqualTo(expected.countries);
            assertThat(fixture.regions()).isEqualTo(expected.regions);
            assertThat(fixture.all(StoreNames.BUSINESS_LOCATION_CAPACITY)).isEqualTo(expected.businessLocations);
            assertThat(fixture.global()).isEqualTo(expected.global);
            assertThat(fixture.all(StoreNames.PROGRAM_COUNTRY_ALLIANCE)).isEqualTo(expected.programCountries);
            assertThat(fixture.programs()).isEqualTo(expected.programs);
            assertThat(fixture.programRegions()).isEqualTo(expected.programRegions);
            assertThat(fixture.all(StoreNames.ORGANISATION_COUNT)).isEqualTo(expected.organisations);
        }
    }

    /**
     * Events between two flushes. Shrinks towards rare flushes: a flush sends every changed sum
     * through all the levels, so a history shrunk with a flush after every event would take most
     * of the shrinking time.
     */
    @Provide
    Arbitrary<Integer> flushIntervals() {
        return Arbitraries.integers().between(1, 60).shrinkTowards(60);
    }

    @Provide
    Arbitrary<List<Object>> histories() {
        Arbitrary<Instant> times = Combinators.combine(Arbitraries.integers().between(0, 40),
                Arbitraries.integers().between(0, 2)).as((day, hour) -> BASE.plus(Duration.ofDays(day)).plusSeconds(hour * 3600L));
        Arbitrary<Object> pops = Combinators.combine(
                Arbitraries.integers().between(0, 29).map(i -> "pop-" + i),
                Arbitraries.frequency(Tuple.of(4, PopAction.COMMISSIONED), Tuple.of(4, PopAction.CAPACITY_CHANGED),
                        Tuple.of(2, PopAction.DECOMMISSIONED)),
                Arbitraries.of(CITIES),
                Arbitraries.of("CMI Europe", "CMI Asia", "CMI Americas", "CMI Africa"),
                Arbitraries.longs().between(0, 5_000),
                times)
                .as((id, action, city, location, capacity, at) -> action == PopAction.DECOMMISSIONED
                        ? Events.decommissioned(id, at)
                        : Events.pop(action, id, city[1], city[0], location, capacity, at));
        Arbitrary<Object> partners = Combinators.combine(
                Arbitraries.integers().between(0, 24).map(i -> "partner-" + i),
                Arbitraries.of(Program.HAND_IN_HAND, Program.ISTAR, Program.GTI, Program.ECOSYSTEM_ALLIANCE),
                Arbitraries.of(PartnerRole.MEMBER, PartnerRole.PARTNER),
                Arbitraries.of(OnboardingAction.JOINED, OnboardingAction.JOINED, OnboardingAction.UPDATED, OnboardingAction.LEFT),
                Arbitraries.of(PARTNER_COUNTRIES),
                Arbitraries.longs().between(0, 1_000_000).injectNull(0.2),
                times)
                .as((id, program, role, action, country, subscribers, at) -> action == OnboardingAction.LEFT
                        ? Events.left(id, program, at)
                        : Events.partner(action, id, program, role, country, subscribers, at));
        // Sizes spread evenly up to 400 (jqwik's default would keep nine in ten near the minimum),
        // and no lower bound, so that a failure shrinks to the few events that matter. A duplicate
        // belongs to its event, so shrinking drops both together or just the duplicate.
        Arbitrary<Optional<Integer>> againAfter = Arbitraries.integers().between(0, 16).optional(0.1);
        return Combinators.combine(Arbitraries.oneOf(pops, partners), againAfter).as(Planned::new)
                .list().ofMinSize(1).ofMaxSize(400).withSizeDistribution(RandomDistribution.uniform())
                .map(TopologyRecomputationProperties::withDuplicates);
    }

    /** An event, and whether it is sent again (the same record) after that many more events. */
    private record Planned(Object event, Optional<Integer> againAfter) {
    }

    private static List<Object> withDuplicates(List<Planned> planned) {
        var copiesAfter = new HashMap<Integer, List<Object>>();
        var history = new ArrayList<Object>();
        for (int i = 0; i < planned.size(); i++) {
            var event = planned.get(i).event();
            history.add(event);
            int last = planned.size() - 1;
            int index = i;
            planned.get(i).againAfter().ifPresent(after -> copiesAfter
                    .computeIfAbsent(Math.min(index + after, last), k -> new ArrayList<>()).add(event));
            history.addAll(copiesAfter.getOrDefault(i, List.of()));
        }
        return history;
    }

    private static <V, P> Map<String, P> project(Map<String, V> entries, Function<V, P> projection) {
        var result = new TreeMap<String, P>();
        entries.forEach((key, value) -> result.put(key, projection.apply(value)));
        return result;
    }

    private static String describe(PopState state) {
        return state.active()
                ? "active|" + state.city() + "|" + state.country() + "|" + state.businessLocation() + "|"
                        + state.capacityMbps() + "|" + state.occurredAt()
                : "ended|" + state.occurredAt();
    }

    private static Map<Program, String> describe(PartnerMemberships partner) {
        var result = new TreeMap<Program, String>();
        partner.memberships().forEach((program, m) -> result.put(program, describe(m)));
        return result;
    }

    private static String describe(MembershipState m) {
        return m.active()
                ? "active|" + m.role() + "|" + m.country() + "|" + m.subscribers() + "|" + m.occurredAt()
                : "ended|" + m.occurredAt();
    }

    /** The naive model. */
    private static final class Recomputation {
        final Map<String, String> popStates = new TreeMap<>();
        final Map<String, Map<Program, String>> partnerStates = new TreeMap<>();
        final Map<String, CityCapacity> cities = new TreeMap<>();
        final Map<String, CountryCapacity> countries = new TreeMap<>();
        final Map<String, RegionCapacity> regions = new TreeMap<>();
        final Map<String, BusinessLocationCapacity> businessLocations = new TreeMap<>();
        final Map<String, GlobalCapacity> global = new TreeMap<>();
        final Map<String, ProgramCountryAlliance> programCountries = new TreeMap<>();
        final Map<String, ProgramAlliance> programs = new TreeMap<>();
        final Map<String, ProgramRegionAlliance> programRegions = new TreeMap<>();
        final Map<String, OrganisationCount> organisations = new TreeMap<>();

        private record Pop(boolean active, String city, String country, String location, long capacity, Instant at) {
        }

        private record Membership(boolean active, PartnerRole role, String country, long subscribers, Instant at) {
        }

        static Recomputation of(List<Object> history) {
            var pops = new HashMap<String, Pop>();
            var memberships = new HashMap<String, Map<Program, Membership>>();
            var model = new Recomputation();
            for (Object event : history) {
                if (event instanceof PopCapacityEvent e) {
                    var current = pops.get(e.getPopId());
                    if (current != null && e.getOccurredAt().isBefore(current.at())) {
                        continue;
                    }
                    boolean active = e.getAction() != PopAction.DECOMMISSIONED;
                    pops.put(e.getPopId(), new Pop(active, e.getCity().strip(), e.getCountry(),
                            e.getBusinessLocation().strip(), e.getCapacityMbps(), e.getOccurredAt()));
                } else {
                    var e = (PartnerOnboardingEvent) event;
                    var ofPartner = memberships.computeIfAbsent(e.getPartnerId(), id -> new HashMap<>());
                    var current = ofPartner.get(e.getProgram());
                    if (current != null && e.getOccurredAt().isBefore(current.at())) {
                        continue;
                    }
                    boolean active = e.getAction() != OnboardingAction.LEFT;
                    ofPartner.put(e.getProgram(), new Membership(active, e.getRole(), e.getCountry(),
                            e.getSubscribers() == null ? 0 : e.getSubscribers(), e.getOccurredAt()));
                }
            }
            model.capacity(pops);
            model.alliance(memberships);
            return model;
        }

        private void capacity(Map<String, Pop> pops) {
            pops.forEach((id, p) -> popStates.put(id, p.active()
                    ? "active|" + p.city() + "|" + p.country() + "|" + p.location() + "|" + p.capacity() + "|" + p.at()
                    : "ended|" + p.at()));
            var active = pops.values().stream().filter(Pop::active).toList();
            for (Pop p : active) {
                cities.merge(StoreKeys.city(p.country(), p.city()),
                        new CityCapacity(p.country(), StoreKeys.normaliseCity(p.city()), p.capacity(), 1),
                        (a, b) -> new CityCapacity(a.country(), a.city(), a.capacityMbps() + b.capacityMbps(),
                                a.activePops() + b.activePops()));
                businessLocations.merge(p.location(), new BusinessLocationCapacity(p.location(), p.capacity(), 1),
                        (a, b) -> new BusinessLocationCapacity(a.businessLocation(), a.capacityMbps() + b.capacityMbps(),
                                a.activePops() + b.activePops()));
            }
            for (CityCapacity c : cities.values()) {
                countries.merge(c.country(), new CountryCapacity(c.country(), c.capacityMbps(), c.activePops(), 1),
                        (a, b) -> new CountryCapacity(a.country(), a.capacityMbps() + b.capacityMbps(),
                                a.activePops() + b.activePops(), a.cities() + b.cities()));
            }
            for (CountryCapacity c : countries.values()) {
                Region region = Countries.regionOf(c.country()).orElseThrow();
                regions.merge(region.name(), new RegionCapacity(region, c.capacityMbps(), c.activePops(), c.cities(), 1),
                        (a, b) -> new RegionCapacity(a.region(), a.capacityMbps() + b.capacityMbps(),
                                a.activePops() + b.activePops(), a.cities() + b.cities(), a.countries() + b.countries()));
            }
            if (!active.isEmpty()) {
                global.put(StoreKeys.GLOBAL, new GlobalCapacity(active.stream().mapToLong(Pop::capacity).sum(),
                        active.size(), cities.size(), countries.size(), businessLocations.size()));
            }
        }

        private void alliance(Map<String, Map<Program, Membership>> memberships) {
            Set<String> organisationIds = new HashSet<>();
            memberships.forEach((partnerId, ofPartner) -> {
                var states = new TreeMap<Program, String>();
                ofPartner.forEach((program, m) -> {
                    states.put(program, m.active()
                            ? "active|" + m.role() + "|" + m.country() + "|" + m.subscribers() + "|" + m.at()
                            : "ended|" + m.at());
                    if (m.active()) {
                        organisationIds.add(partnerId);
                        long member = m.role() == PartnerRole.MEMBER ? 1 : 0;
                        programCountries.merge(StoreKeys.programCountry(program, m.country()),
                                new ProgramCountryAlliance(program, m.country(), member, 1 - member, m.subscribers()),
                                (a, b) -> new ProgramCountryAlliance(a.program(), a.country(), a.members() + b.members(),
                                        a.partners() + b.partners(), a.subscribers() + b.subscribers()));
                    }
                });
                partnerStates.put(partnerId, states);
            });
            for (ProgramCountryAlliance g : programCountries.values()) {
                programs.merge(g.program().name(),
                        new ProgramAlliance(g.program(), g.members(), g.partners(), g.subscribers(), 1),
                        (a, b) -> new ProgramAlliance(a.program(), a.members() + b.members(), a.partners() + b.partners(),
                                a.subscribers() + b.subscribers(), a.countries() + b.countries()));
                Region region = Countries.regionOf(g.country()).orElseThrow();
                programRegions.merge(StoreKeys.programRegion(g.program(), region),
                        new ProgramRegionAlliance(g.program(), region, g.members(), g.partners()),
                        (a, b) -> new ProgramRegionAlliance(a.program(), a.region(), a.members() + b.members(),
                                a.partners() + b.partners()));
            }
            if (!organisationIds.isEmpty()) {
                organisations.put(StoreKeys.GLOBAL, new OrganisationCount(organisationIds.size()));
            }
        }
    }
}
