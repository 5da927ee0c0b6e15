package com.cmobile.ecosystem.local;

import com.cmobile.ecosystem.producers.simulator.SeedScenario;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The headline figures as the HTTP API answers them: worldwide capacity and, per program, members,
 * partners and subscribers.
 *
 * @param capacityMbps      total capacity of the active PoPs
 * @param activePops        active PoPs
 * @param cities            cities with an active PoP
 * @param businessLocations business locations with an active PoP
 * @param programs          program name to its counts
 */
record Figures(long capacityMbps, long activePops, long cities, long businessLocations,
               Map<String, ProgramFigures> programs) {

    /** One program's counts. */
    record ProgramFigures(long members, long partners, long subscribers) {
    }

    Figures {
        programs = Collections.unmodifiableMap(new LinkedHashMap<>(programs));
    }

    /**
     * From the bodies of {@code GET /api/v1/capacity} and {@code GET /api/v1/alliance}.
     *
     * @throws IllegalArgumentException when a body lacks a field the API promises
     */
    static Figures fromApi(JsonNode capacity, JsonNode alliance) {
        var programs = new LinkedHashMap<String, ProgramFigures>(); // in the API's (program) order
        for (JsonNode program : required(alliance, "programs")) {
            programs.put(required(program, "program").asText(), new ProgramFigures(
                    required(program, "members").asLong(), required(program, "partners").asLong(),
                    required(program, "subscribers").asLong()));
        }
        return new Figures(required(capacity, "capacityMbps").asLong(), required(capacity, "activePops").asLong(),
                required(capacity, "cities").asLong(), required(capacity, "businessLocations").asLong(), programs);
    }

    /** True when these are exactly the figures the seed scenario leads to. */
    boolean matchSeed() {
        return capacityMbps == SeedScenario.TOTAL_CAPACITY_MBPS
                && activePops == SeedScenario.ACTIVE_POPS
                && cities == SeedScenario.POP_CITIES
                && businessLocations == SeedScenario.BUSINESS_LOCATIONS
                && program("HAND_IN_HAND").members() == SeedScenario.HAND_IN_HAND_MEMBERS
                && program("HAND_IN_HAND").subscribers() == SeedScenario.HAND_IN_HAND_SUBSCRIBERS
                && program("ISTAR").partners() == SeedScenario.ISTAR_PARTNERS
                && program("GTI").members() == SeedScenario.GTI_MEMBERS
                && program("GTI").partners() == SeedScenario.GTI_PARTNERS;
    }

    ProgramFigures program(String name) {
        return programs.getOrDefault(name, new ProgramFigures(0, 0, 0));
    }

    /**
     * One line, e.g. {@code 360 active PoPs in 284 cities, 40 business locations, 310,000,000 Mbps;
     * HAND_IN_HAND 29 members (3,052,400,000 subscribers); ISTAR 500 partners; ...}.
     */
    String summary() {
        var line = new StringBuilder(String.format(Locale.ROOT, "%,d active PoPs in %,d cities, %,d business locations, %,d Mbps",
                activePops, cities, businessLocations, capacityMbps));
        programs.forEach((name, p) -> {
            var counts = new ArrayList<String>();
            if (p.members() > 0) {
                counts.add(String.format(Locale.ROOT, "%,d members", p.members()));
            }
            if (p.partners() > 0) {
                counts.add(String.format(Locale.ROOT, "%,d partners", p.partners()));
            }
            if (!counts.isEmpty()) {
                line.append("; ").append(name).append(' ').append(String.join(", ", counts));
                if (p.subscribers() > 0) {
                    line.append(String.format(Locale.ROOT, " (%,d subscribers)", p.subscribers()));
                }
            }
        });
        return line.toString();
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("the API answer has no '" + field + "': " + node);
        }
        return value;
    }
}
