package com.cmobile.ecosystem.app.topology.internal;

/**
 * A change to one city or business location (what a PoP adds or takes away), or the sum of
 * such changes over one input partition, as sent in a {@link PartitionSum}.
 *
 * @param country      country of the city (blank for a business location)
 * @param name         display name of the city or the business location
 * @param capacityMbps capacity to add (negative to remove)
 * @param activePops   PoPs to add (negative to remove)
 */
public record CapacityDelta(String country, String name, long capacityMbps, long activePops) {

    /**
     * The sum of two deltas of the same group; the name follows the later one unless it only
     * takes a PoP away (a city is named after its latest PoP added or updated).
     */
    CapacityDelta plus(CapacityDelta other) {
        String latestName = other.activePops >= 0 ? other.name : name;
        return new CapacityDelta(other.country, latestName, capacityMbps + other.capacityMbps,
                activePops + other.activePops);
    }

    /** Whether this sum leaves its group as if it had no PoP. */
    boolean isZero() {
        return activePops == 0 && capacityMbps == 0;
    }
}
