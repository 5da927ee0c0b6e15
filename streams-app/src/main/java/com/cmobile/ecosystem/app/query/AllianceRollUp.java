package com.cmobile.ecosystem.app.query;

import java.util.Collection;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

import com.cmobile.ecosystem.app.topology.model.ProgramAlliance;
import com.cmobile.ecosystem.app.topology.model.ProgramCountryAlliance;
import com.cmobile.ecosystem.app.topology.model.ProgramRegionAlliance;
import com.cmobile.ecosystem.app.topology.model.StoreKeys;
import com.cmobile.ecosystem.events.Program;
import com.cmobile.ecosystem.geo.Region;

/**
 * The alliance aggregates above (program, country), added up when asked from the entries of
 * {@code program-country-alliance-store} (programs times countries: a few hundred): each program,
 * and each program's regions. Keyed as the stores were, so lists page the same way.
 */
public final class AllianceRollUp {

    private final List<ProgramCountryAlliance> groups;

    private AllianceRollUp(List<ProgramCountryAlliance> groups) {
        this.groups = groups;
    }

    public static AllianceRollUp of(Collection<ProgramCountryAlliance> groups) {
        return new AllianceRollUp(List.copyOf(groups));
    }

    /** Members, partners, subscribers and countries of one program; zeros when it has none. */
    public ProgramAlliance program(Program program) {
        long members = 0;
        long partners = 0;
        long subscribers = 0;
        long countries = 0;
        for (ProgramCountryAlliance group : groups) {
            if (group.program() == program) {
                members += group.members();
                partners += group.partners();
                subscribers += group.subscribers();
                countries++;
            }
        }
        return new ProgramAlliance(program, members, partners, subscribers, countries);
    }

    /** The program's regions with a member or partner, keyed {@code PROGRAM|REGION}. */
    public NavigableMap<String, ProgramRegionAlliance> regions(Program program) {
        var regions = new TreeMap<String, ProgramRegionAlliance>(KeyOrder.COMPARATOR);
        for (ProgramCountryAlliance group : groups) {
            if (group.program() == program) {
                Region region = CapacitySnapshot.regionOf(group.country());
                regions.merge(StoreKeys.programRegion(program, region),
                        new ProgramRegionAlliance(program, region, group.members(), group.partners()),
                        (a, b) -> new ProgramRegionAlliance(program, region, a.members() + b.members(),
                                a.partners() + b.partners()));
            }
        }
        return regions;
    }
}
