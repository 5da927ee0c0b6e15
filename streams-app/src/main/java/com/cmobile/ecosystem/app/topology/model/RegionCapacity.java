package com.cmobile.ecosystem.app.topology.model;

import com.cmobile.ecosystem.geo.Region;

/**
 * Capacity of one UN M49 region, added up from its cities in {@code city-capacity-store} when
 * asked. Only regions with at least one active PoP have one.
 *
 * @param region       the region of the countries counted
 * @param capacityMbps sum over the region's active PoPs
 * @param activePops   number of active PoPs
 * @param cities       distinct cities with at least one active PoP
 * @param countries    distinct countries with at least one active PoP
 */
public record RegionCapacity(Region region, long capacityMbps, long activePops, long cities, long countries) {
}
