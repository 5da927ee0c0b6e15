package com.cmobile.ecosystem.app.topology;

import static com.cmobile.ecosystem.app.topology.Events.joined;
import static com.cmobile.ecosystem.app.topology.Events.left;
import static com.cmobile.ecosystem.app.topology.Events.updated;
import static com.cmobile.ecosystem.events.PartnerRole.MEMBER;
import static com.cmobile.ecosystem.events.PartnerRole.PARTNER;
import static com.cmobile.ecosystem.events.Program.GTI;
import static com.cmobile.ecosystem.events.Program.HAND_IN_HAND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import java.util.Optional;

import com.cmobile.ecosystem.app.topology.model.OrganisationCount;
import com.cmobile.ecosystem.app.topology.model.PartnerMemberships;
import com.cmobile.ecosystem.app.topology.model.ProgramAlliance;
import com.cmobile.ecosystem.app.topology.model.ProgramCountryAlliance;
import com.cmobile.ecosystem.app.topology.model.ProgramRegionAlliance;
import com.cmobile.ecosystem.app.topology.model.StoreKeys;
import com.cmobile.ecosystem.events.Program;
import com.cmobile.ecosystem.geo.Region;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AllianceTopologyTest {

    private static final Instant T1 = Instant.parse("2025-01-10T08:00:00Z");
    private static final Instant T2 = Instant.parse("2025-02-10T08:00:00Z");
    private static final Instant T3 = Instant.parse("2025-03-10T23:59:59Z");

    private final TopologyFixture fixture = new TopologyFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void joinedPartnersCountInTheirProgramCountryAndRegion() {
        fixture.send(joined("p1", GTI, MEMBER, "FR", 1_000L, T1));
        fixture.send(joined("p2", GTI, PARTNER, "DE", 500L, T1));
        fixture.send(joined("p3", GTI, MEMBER, "JP", null, T1));

        assertThat(program(GTI)).contains(new ProgramAlliance(GTI, 2, 1, 1_500, 3));
        assertThat(fixture.<ProgramCountryAlliance>get(StoreNames.PROGRAM_COUNTRY_ALLIANCE, "GTI|FR"))
                .contains(new ProgramCountryAlliance(GTI, "FR", 1, 0, 1_000));
        assertThat(fixture.programRegions()).containsOnly(
                entry("GTI|EUROPE", new ProgramRegionAlliance(GTI, Region.EUROPE, 1, 1)),
                entry("GTI|ASIA", new ProgramRegionAlliance(GTI, Region.ASIA, 1, 0)));
        assertThat(organisations()).isEqualTo(3);
    }

    @Test
    void absentSubscribersCountAsZero() {
        fixture.send(joined("p1", GTI, MEMBER, "FR", null, T1));

        assertThat(program(GTI).map(ProgramAlliance::subscribers)).contains(0L);
    }

    @Test
    void partnerInSeveralProgramsIsOneOrganisationCountedInEachProgram() {
        fixture.send(joined("p1", GTI, MEMBER, "FR", 10L, T1));
        fixture.send(joined("p1", HAND_IN_HAND, PARTNER, "FR", 10L, T1));

        assertThat(program(GTI)).contains(new ProgramAlliance(GTI, 1, 0, 10, 1));
        assertThat(program(HAND_IN_HAND)).contains(new ProgramAlliance(HAND_IN_HAND, 0, 1, 10, 1));
        assertThat(organisations()).isEqualTo(1);
    }

    @Test
    void roleChangeMovesTheMembershipFromMembersToPartners() {
        fixture.send(joined("p1", GTI, MEMBER, "FR", 10L, T1));

        fixture.send(updated("p1", GTI, PARTNER, "FR", 10L, T2));

        assertThat(program(GTI)).contains(new ProgramAlliance(GTI, 0, 1, 10, 1));
    }

    @Test
    void countryChangeMovesTheMembershipBetweenCountriesAndRegions() {
        fixture.send(joined("p1", GTI, MEMBER, "FR", 10L, T1));

        fixture.send(updated("p1", GTI, MEMBER, "BR", 25L, T2));

        assertThat(fixture.all(StoreNames.PROGRAM_COUNTRY_ALLIANCE)).containsOnlyKeys("GTI|BR");
        assertThat(fixture.programRegions()).containsOnly(
                entry("GTI|AMERICAS", new ProgramRegionAlliance(GTI, Region.AMERICAS, 1, 0)));
        assertThat(program(GTI)).contains(new ProgramAlliance(GTI, 1, 0, 25, 1));
    }

    @Test
    void leavingRemovesTheMembership() {
        fixture.send(joined("p1", GTI, MEMBER, "FR", 10L, T1));

        fixture.send(left("p1", GTI, T2));

        assertThat(program(GTI)).isEmpty();
        assertThat(fixture.programRegions()).isEmpty();
        assertThat(fixture.all(StoreNames.ORGANISATION_COUNT)).isEmpty();
    }

    @Test
    void rejoiningCountsTheMembershipAgain() {
        fixture.send(joined("p1", GTI, MEMBER, "FR", 10L, T1));
        fixture.send(left("p1", GTI, T2));

        fixture.send(joined("p1", GTI, PARTNER, "FR", 10L, T3));

        assertThat(program(GTI)).contains(new ProgramAlliance(GTI, 0, 1, 10, 1));
        assertThat(organisations()).isEqualTo(1);
    }

    @Test
    void leavingOneOfTwoProgramsKeepsTheOrganisation() {
        fixture.send(joined("p1", GTI, MEMBER, "FR", 10L, T1));
        fixture.send(joined("p1", HAND_IN_HAND, MEMBER, "FR", 10L, T1));

        fixture.send(left("p1", GTI, T2));

        assertThat(organisations()).isEqualTo(1);
        assertThat(program(GTI)).isEmpty();
    }

    @Test
    void updateOfAMembershipChangesItsFigures() {
        fixture.send(joined("p1", GTI, MEMBER, "FR", 10L, T1));

        fixture.send(updated("p1", GTI, MEMBER, "FR", 99L, T2));

        assertThat(program(GTI).map(ProgramAlliance::subscribers)).contains(99L);
    }

    @Test
    void updateForAPartnerWithNoMembershipStartsOne() {
        fixture.send(updated("p1", GTI, MEMBER, "FR", 10L, T1));

        assertThat(program(GTI)).contains(new ProgramAlliance(GTI, 1, 0, 10, 1));
    }

    @Test
    void leftForANonMemberChangesNothing() {
        fixture.send(left("p1", GTI, T1));

        assertThat(fixture.programs()).isEmpty();
    }

    @Test
    void olderJoinArrivingAfterTheLeaveChangesNothingNow() {
        fixture.send(left("p1", GTI, T2));

        fixture.send(joined("p1", GTI, MEMBER, "FR", 10L, T1));

        assertThat(fixture.programs()).isEmpty();
        assertThat(fixture.<PartnerMemberships>get(StoreNames.MEMBERSHIP_STATE, "p1"))
                .hasValueSatisfying(p -> assertThat(p.isOrganisation()).isFalse());
    }

    @Test
    void olderUpdateArrivingLateDoesNotChangeTheMembership() {
        fixture.send(joined("p1", GTI, MEMBER, "FR", 10L, T2));

        fixture.send(updated("p1", GTI, PARTNER, "DE", 77L, T1));

        assertThat(program(GTI)).contains(new ProgramAlliance(GTI, 1, 0, 10, 1));
    }

    @Test
    void duplicateJoinIsCountedOnce() {
        var join = joined("p1", GTI, MEMBER, "FR", 10L, T1);
        fixture.send(join);

        fixture.send(join);

        assertThat(program(GTI)).contains(new ProgramAlliance(GTI, 1, 0, 10, 1));
        assertThat(organisations()).isEqualTo(1);
    }

    @Test
    void backfilledHistoryOfAnotherPartnerTakesItsPlaceInItsHistory() {
        fixture.send(joined("p1", GTI, MEMBER, "FR", 10L, T3));
        var longAgo = Instant.parse("2019-04-01T10:00:00Z");
        var later = Instant.parse("2020-07-15T10:00:00Z");

        fixture.send(joined("p2", GTI, MEMBER, "DE", 10L, longAgo));
        fixture.send(left("p2", GTI, later));

        assertThat(fixture.all(StoreNames.MEMBERSHIP_HISTORY)).containsKeys(
                StoreKeys.membershipVersion("p2", GTI, longAgo), StoreKeys.membershipVersion("p2", GTI, later));

        assertThat(program(GTI)).contains(new ProgramAlliance(GTI, 1, 0, 10, 1));
    }

    private Optional<ProgramAlliance> program(Program program) {
        return fixture.program(program.name());
    }

    private long organisations() {
        return fixture.<OrganisationCount>get(StoreNames.ORGANISATION_COUNT, StoreKeys.GLOBAL)
                .map(OrganisationCount::organisations).orElse(0L);
    }
}
