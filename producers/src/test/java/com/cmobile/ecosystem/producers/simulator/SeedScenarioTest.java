package com.cmobile.ecosystem.producers.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.cmobile.ecosystem.events.OnboardingAction;
import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import com.cmobile.ecosystem.events.PartnerRole;
import com.cmobile.ecosystem.events.PopAction;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.events.Program;
import com.cmobile.ecosystem.geo.Countries;
import com.cmobile.ecosystem.geo.Region;
import com.cmobile.ecosystem.validation.EventValidator;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The seed's final state, computed by a naive fold: latest event per key by occurredAt. */
class SeedScenarioTest {

    static SeedScenario scenario;
    static Collection<PopCapacityEvent> activePops;
    static Collection<PartnerOnboardingEvent> activeMemberships;

    @BeforeAll
    static void generateAndFold() {
        scenario = SeedScenario.generate();
        activePops = latest(scenario.popEvents(), PopCapacityEvent::getPopId, PopCapacityEvent::getOccurredAt).values()
                .stream().filter(e -> e.getAction() != PopAction.DECOMMISSIONED).toList();
        activeMemberships = latest(scenario.partnerEvents(), PartnerOnboardingEvent::getPartnerId,
                PartnerOnboardingEvent::getOccurredAt).values()
                .stream().filter(e -> e.getAction() != OnboardingAction.LEFT).toList();
    }

    static <E> Map<String, E> latest(List<E> events, Function<E, String> key, Function<E, Instant> time) {
        var latest = new HashMap<String, E>();
        for (E event : events) {
            latest.merge(key.apply(event), event, (old, now) -> time.apply(now).isBefore(time.apply(old)) ? old : now);
        }
        return latest;
    }

    static long members(Program program, PartnerRole role) {
        return activeMemberships.stream().filter(e -> e.getProgram() == program && e.getRole() == role).count();
    }

    @Test
    void threeHundredSixtyPopsAreActive() {
        assertThat(activePops).hasSize(SeedScenario.ACTIVE_POPS).hasSize(360);
    }

    @Test
    void theActivePopsStandIn284DistinctCities() {
        assertThat(activePops.stream().map(e -> e.getCountry() + "/" + e.getCity()).distinct().count()).isEqualTo(284);
    }

    @Test
    void fortyBusinessLocationsOperateThem() {
        assertThat(activePops.stream().map(PopCapacityEvent::getBusinessLocation).distinct().count()).isEqualTo(40);
    }

    @Test
    void totalCapacityIsExactly310Tbps() {
        assertThat(activePops.stream().mapToLong(PopCapacityEvent::getCapacityMbps).sum()).isEqualTo(310_000_000L);
    }

    @Test
    void everyPopHasAPlausibleCapacityBetween100GbpsAnd10Tbps() {
        assertThat(activePops).allSatisfy(e -> assertThat(e.getCapacityMbps()).isBetween(100_000L, 10_000_000L));
    }

    @Test
    void popsStandInEveryInhabitedRegion() {
        Set<Region> regions = activePops.stream().map(e -> Countries.regionOf(e.getCountry()).orElseThrow())
                .collect(Collectors.toSet());

        assertThat(regions).contains(Region.AFRICA, Region.AMERICAS, Region.ASIA, Region.EUROPE, Region.OCEANIA);
    }

    @Test
    void handInHandHas29MembersServingMoreThanThreeBillionSubscribers() {
        long subscribers = activeMemberships.stream().filter(e -> e.getProgram() == Program.HAND_IN_HAND)
                .mapToLong(PartnerOnboardingEvent::getSubscribers).sum();

        assertThat(members(Program.HAND_IN_HAND, PartnerRole.MEMBER)).isEqualTo(29);
        assertThat(members(Program.HAND_IN_HAND, PartnerRole.PARTNER)).isZero();
        assertThat(subscribers).isEqualTo(SeedScenario.HAND_IN_HAND_SUBSCRIBERS).isGreaterThan(3_000_000_000L);
    }

    @Test
    void istarHas500Partners() {
        assertThat(members(Program.ISTAR, PartnerRole.PARTNER)).isEqualTo(500);
        assertThat(members(Program.ISTAR, PartnerRole.MEMBER)).isZero();
    }

    @Test
    void gtiHas147MembersAnd242Partners() {
        assertThat(members(Program.GTI, PartnerRole.MEMBER)).isEqualTo(147);
        assertThat(members(Program.GTI, PartnerRole.PARTNER)).isEqualTo(242);
    }

    @Test
    void theEcosystemAllianceHasItsFoundingMembersAllJoinedRecentlyOnOneDay() {
        var founders = activeMemberships.stream().filter(e -> e.getProgram() == Program.ECOSYSTEM_ALLIANCE).toList();

        assertThat(founders).hasSize(SeedScenario.ECOSYSTEM_ALLIANCE_FOUNDING_MEMBERS);
        assertThat(founders).extracting(PartnerOnboardingEvent::getOccurredAt).containsOnly(founders.get(0).getOccurredAt());
        assertThat(founders.get(0).getOccurredAt()).isAfter(Instant.parse("2024-01-01T00:00:00Z"));
    }

    @Test
    void everyEventPassesTheSharedValidation() {
        var validator = EventValidator.withDefaults();

        assertThat(scenario.popEvents()).allSatisfy(e -> assertThat(validator.validate(e)).isEmpty());
        assertThat(scenario.partnerEvents()).allSatisfy(e -> assertThat(validator.validate(e)).isEmpty());
    }

    @Test
    void twoRunsPublishTheSameEventsWithTheSameIds() {
        SeedScenario again = SeedScenario.generate();

        assertThat(again.popEvents()).isEqualTo(scenario.popEvents());
        assertThat(again.partnerEvents()).isEqualTo(scenario.partnerEvents());
    }

    @Test
    void eventIdsAreUnique() {
        assertThat(scenario.popEvents().stream().map(PopCapacityEvent::getEventId).distinct().count())
                .isEqualTo(scenario.popEvents().size());
        assertThat(scenario.partnerEvents().stream().map(PartnerOnboardingEvent::getEventId).distinct().count())
                .isEqualTo(scenario.partnerEvents().size());
    }

    @Test
    void eachKeysHistoryIsInTimeOrderWhileKeysInterleaveOutOfTimeOrder() {
        var lastSeen = new HashMap<String, Instant>();
        int outOfOrderAcrossKeys = 0;
        Instant previous = Instant.MIN;
        for (PopCapacityEvent e : scenario.popEvents()) {
            Instant before = lastSeen.put(e.getPopId(), e.getOccurredAt());
            assertThat(before == null || before.isBefore(e.getOccurredAt())).as("history of %s", e.getPopId()).isTrue();
            outOfOrderAcrossKeys += e.getOccurredAt().isBefore(previous) ? 1 : 0;
            previous = e.getOccurredAt();
        }
        assertThat(outOfOrderAcrossKeys).isGreaterThan(100);
    }

    @Test
    void theHistoryHasGrowthMovesClosuresAndReturns() {
        Map<String, List<PopCapacityEvent>> pops = scenario.popEvents().stream()
                .collect(Collectors.groupingBy(PopCapacityEvent::getPopId));
        Map<String, List<PartnerOnboardingEvent>> partners = scenario.partnerEvents().stream()
                .collect(Collectors.groupingBy(PartnerOnboardingEvent::getPartnerId));

        assertThat(scenario.popEvents()).filteredOn(e -> e.getAction() == PopAction.CAPACITY_CHANGED).hasSizeGreaterThan(300);
        assertThat(pops.values()).filteredOn(h -> h.stream().map(PopCapacityEvent::getCity).filter(c -> !c.isEmpty())
                .distinct().count() > 1).hasSizeGreaterThanOrEqualTo(5);
        assertThat(pops.values()).filteredOn(h -> h.get(h.size() - 1).getAction() == PopAction.DECOMMISSIONED)
                .hasSizeGreaterThanOrEqualTo(5);
        assertThat(partners.values()).filteredOn(h -> h.size() > 2 && h.get(h.size() - 2).getAction() == OnboardingAction.LEFT
                && h.get(h.size() - 1).getAction() == OnboardingAction.JOINED).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void programsGrowOverTheYearsSince2006() {
        Instant first = scenario.partnerEvents().stream().map(PartnerOnboardingEvent::getOccurredAt)
                .min(Instant::compareTo).orElseThrow();
        long joinedBy2015 = scenario.partnerEvents().stream().filter(e -> e.getAction() == OnboardingAction.JOINED
                && e.getOccurredAt().isBefore(Instant.parse("2015-01-01T00:00:00Z"))).count();

        assertThat(first).isBefore(Instant.parse("2008-01-01T00:00:00Z")).isAfter(Instant.parse("2006-01-01T00:00:00Z").minusSeconds(1));
        assertThat(joinedBy2015).isBetween(20L, 400L);
    }
}
