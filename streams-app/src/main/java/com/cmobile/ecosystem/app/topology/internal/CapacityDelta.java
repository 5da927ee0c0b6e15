package com.cmobile.ecosystem.app.topology.internal;

/**
 * A change to apply to one city or business location: what a PoP adds or takes away. Sent
 * through the {@code capacity-by-city} and {@code capacity-by-business-location} repartition
 * topics.
 *
 * @param country      country of the city (blank for a business location)
 * @param name         display name of the city or the business location
 * @param capacityMbps capacity to add (negative to remove)
 * @param activePops   PoPs to add (negative to remove)
 */
public record CapacityDelta(String country, String name, long capacityMbps, long activePops) {

    CapacityDelta plus(CapacityDelta other) {
        return new CapacityDelta(other.country, other.name, capacityMbps + other.capacityMbps,
                activePops + other.activePops);
    }
}
