package com.cmobile.ecosystem.app.topology.model;

/**
 * Worldwide capacity, added up from {@code city-capacity-store} and
 * {@code business-location-capacity-store} when asked; {@link #EMPTY} when no PoP is active.
 *
 * @param capacityMbps      sum over all active PoPs
 * @param activePops        number of active PoPs
 * @param cities            distinct cities with at least one active PoP
 * @param countries         distinct countries with at least one active PoP
 * @param businessLocations distinct business locations with at least one active PoP
 */
public record GlobalCapacity(long capacityMbps, long activePops, long cities, long countries,
                             long businessLocations) {

    public static final GlobalCapacity EMPTY = new GlobalCapacity(0, 0, 0, 0, 0);
}
