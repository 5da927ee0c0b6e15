package com.cmobile.ecosystem.bench;

import com.cmobile.ecosystem.app.topology.model.StoreKeys;
import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import com.cmobile.ecosystem.events.PartnerRole;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.events.Program;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The top-level aggregates recomputed naively from the generated events, in publish order, with
 * the pipeline's ordering rule (an event changes its key's state unless it is older than the event
 * that set it; a tie goes to the later one). The benchmark waits until the app answers exactly
 * these figures: only then does every aggregate reflect the last event.
 *
 * <p>Deliberately written without the topology's code: two independent computations that agree
 * are the check. Not thread-safe.
 */
final class ExpectedAggregates {

    private record Pop(boolean active, String cityKey, String country, String businessLocation, long capacityMbps,
                       Instant occurredAt) {
    }

    private record Membership(boolean active, PartnerRole role, String country, long subscribers,
                              Instant occurredAt) {
    }

    private final Map<String, Pop> pops = new HashMap<>();
    private final Map<String, Map<Program, Membership>> partners = new HashMap<>();

    void apply(PopCapacityEvent event) {
        Pop current = pops.get(event.getPopId());
        if (current != null && event.getOccurredAt().isBefore(current.occurredAt())) {
            return;
        }
        Pop next = switch (event.getAction()) {
            case COMMISSIONED, CAPACITY_CHANGED -> new Pop(true, StoreKeys.city(event.getCountry(), event.getCity()),
                    event.getCountry(), event.getBusinessLocation().strip(), event.getCapacityMbps(),
                    event.getOccurredAt());
            case DECOMMISSIONED -> new Pop(false, "", "", "", 0, event.getOccurredAt());
            case UNKNOWN -> throw new IllegalArgumentException("generated PoP event with action UNKNOWN: " + event);
        };
        pops.put(event.getPopId(), next);
    }

    void apply(PartnerOnboardingEvent event) {
        Map<Program, Membership> memberships = partners.computeIfAbsent(event.getPartnerId(),
                id -> new EnumMap<>(Program.class));
        Membership current = memberships.get(event.getProgram());
        if (current != null && event.getOccurredAt().isBefore(current.occurredAt())) {
            return;
        }
        Membership next = switch (event.getAction()) {
            case JOINED, UPDATED -> new Membership(true, event.getRole(), event.getCountry(),
                    event.getSubscribers() == null ? 0 : event.getSubscribers(), event.getOccurredAt());
            case LEFT -> new Membership(false, event.getRole(), "", 0, event.getOccurredAt());
            case UNKNOWN -> throw new IllegalArgumentException("generated partner event with action UNKNOWN: " + event);
        };
        memberships.put(event.getProgram(), next);
    }

    /** The figures the app must answer once it has processed every event applied here. */
    Figures figures() {
        long capacity = 0;
        long active = 0;
        Set<String> cities = new HashSet<>();
        Set<String> countries = new HashSet<>();
        Set<String> businessLocations = new HashSet<>();
        for (Pop pop : pops.values()) {
            if (pop.active()) {
                capacity += pop.capacityMbps();
                active++;
                cities.add(pop.cityKey());
                countries.add(pop.country());
                businessLocations.add(pop.businessLocation());
            }
        }
        long organisations = 0;
        Map<Program, long[]> counts = new EnumMap<>(Program.class);
        Map<Program, Set<String>> programCountries = new EnumMap<>(Program.class);
        for (Map<Program, Membership> memberships : partners.values()) {
            boolean organisation = false;
            for (var entry : memberships.entrySet()) {
                Membership m = entry.getValue();
                if (!m.active()) {
                    continue;
                }
                organisation = true;
                long[] c = counts.computeIfAbsent(entry.getKey(), p -> new long[3]);
                c[m.role() == PartnerRole.MEMBER ? 0 : 1]++;
                c[2] += m.subscribers();
                programCountries.computeIfAbsent(entry.getKey(), p -> new HashSet<>()).add(m.country());
            }
            organisations += organisation ? 1 : 0;
        }
        Map<String, ProgramFigures> programs = new TreeMap<>();
        for (Program program : Program.values()) {
            if (program == Program.UNKNOWN) {
                continue;
            }
            long[] c = counts.getOrDefault(program, new long[3]);
            programs.put(program.name(), new ProgramFigures(c[0], c[1], c[2],
                    programCountries.getOrDefault(program, Set.of()).size()));
        }
        return new Figures(new CapacityFigures(capacity, active, cities.size(), countries.size(),
                businessLocations.size()), organisations, programs);
    }

    /** What {@code GET /api/v1/capacity} answers. */
    record CapacityFigures(long capacityMbps, long activePops, long cities, long countries, long businessLocations) {
    }

    /** One program of {@code GET /api/v1/alliance}. */
    record ProgramFigures(long members, long partners, long subscribers, long countries) {
    }

    /** The global capacity, the organisation count and every program: the top of both aggregate families. */
    record Figures(CapacityFigures capacity, long organisations, Map<String, ProgramFigures> programs) {
    }
}
