package com.cmobile.ecosystem.app.query;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

import com.cmobile.ecosystem.app.topology.model.MembershipState;
import com.cmobile.ecosystem.app.topology.model.PartnerMemberships;
import com.cmobile.ecosystem.app.topology.model.ProgramAlliance;
import com.cmobile.ecosystem.app.topology.model.ProgramRegionAlliance;
import com.cmobile.ecosystem.app.topology.model.StoreKeys;
import com.cmobile.ecosystem.events.PartnerRole;
import com.cmobile.ecosystem.events.Program;
import com.cmobile.ecosystem.geo.Region;

/**
 * Every alliance aggregate over the partners' memberships as of one instant, keyed as the alliance
 * stores are, so lists page the same way. Pure: the same sums and distinct counts as the topology's
 * roll-up, over the memberships given.
 */
public final class AllianceSnapshot {

    private final Collection<PartnerMemberships> partners;

    private AllianceSnapshot(Collection<PartnerMemberships> partners) {
        this.partners = partners;
    }

    public static AllianceSnapshot of(Collection<PartnerMemberships> partners) {
        return new AllianceSnapshot(partners);
    }

    /** Partners with at least one active membership. */
    public long organisations() {
        return partners.stream().filter(PartnerMemberships::isOrganisation).count();
    }

    public ProgramAlliance program(Program program) {
        return figures(program, members(program).values());
    }

    /** Members, partners, subscribers and distinct home countries of some active memberships of one program. */
    public static ProgramAlliance figures(Program program, Collection<MembershipState> active) {
        long members = active.stream().filter(m -> m.role() == PartnerRole.MEMBER).count();
        long partners = active.stream().filter(m -> m.role() == PartnerRole.PARTNER).count();
        long subscribers = active.stream().mapToLong(MembershipState::subscribers).sum();
        var countries = new HashSet<String>();
        active.forEach(m -> countries.add(m.country()));
        return new ProgramAlliance(program, members, partners, subscribers, countries.size());
    }

    /** The program's regions, keyed {@code PROGRAM|REGION}. */
    public NavigableMap<String, ProgramRegionAlliance> regions(Program program) {
        var regions = new TreeMap<String, ProgramRegionAlliance>(KeyOrder.COMPARATOR);
        for (MembershipState m : members(program).values()) {
            Region region = CapacitySnapshot.regionOf(m.country());
            boolean member = m.role() == PartnerRole.MEMBER;
            regions.merge(StoreKeys.programRegion(program, region),
                    new ProgramRegionAlliance(program, region, member ? 1 : 0, member ? 0 : 1),
                    (a, b) -> new ProgramRegionAlliance(program, region, a.members() + b.members(),
                            a.partners() + b.partners()));
        }
        return regions;
    }

    /** The program's active memberships by partnerId. */
    public NavigableMap<String, MembershipState> members(Program program) {
        var members = new TreeMap<String, MembershipState>(KeyOrder.COMPARATOR);
        for (PartnerMemberships partner : partners) {
            partner.membership(program).filter(MembershipState::active)
                    .ifPresent(m -> members.put(partner.partnerId(), m));
        }
        return members;
    }

    /** Every program, in program order. */
    public AllianceView alliance(List<Program> programs) {
        return new AllianceView(organisations(), programs.stream().map(this::program).toList());
    }
}
