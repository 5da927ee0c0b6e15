package com.cmobile.ecosystem.app.topology.model;

/**
 * Capacity operated by one business location, in {@code business-location-capacity-store} under
 * the business location (trimmed, compared exactly). Only business locations with at least one
 * active PoP have an entry.
 *
 * @param businessLocation the business location
 * @param capacityMbps     sum over its active PoPs
 * @param activePops       number of its active PoPs
 */
public record BusinessLocationCapacity(String businessLocation, long capacityMbps, long activePops) {
}
