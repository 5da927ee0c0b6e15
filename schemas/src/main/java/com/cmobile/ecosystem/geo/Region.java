package com.cmobile.ecosystem.geo;

import java.util.Locale;
import java.util.Optional;

/**
 * Continental regions of the UN Statistics Division's M49 standard, used to roll up PoP capacity.
 *
 * <p>M49 places Antarctica in no region; it is kept here as a sixth bucket so that nothing
 * vanishes from region totals.
 */
public enum Region {
    AFRICA,
    AMERICAS,
    ASIA,
    EUROPE,
    OCEANIA,
    ANTARCTICA;

    /**
     * The region with this name, ignoring case and surrounding blanks.
     *
     * @param name for example {@code "asia"} or {@code "ASIA"}
     * @return the region, or empty for null, blank or unknown names
     */
    public static Optional<Region> fromName(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String wanted = name.strip().toUpperCase(Locale.ROOT);
        for (Region region : values()) {
            if (region.name().equals(wanted)) {
                return Optional.of(region);
            }
        }
        return Optional.empty();
    }
}
