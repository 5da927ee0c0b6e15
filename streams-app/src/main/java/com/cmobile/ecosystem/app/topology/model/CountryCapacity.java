package com.cmobile.ecosystem.app.topology.model;

/**
 * Capacity of one country, added up from its cities in {@code city-capacity-store} when asked.
 * Only countries with at least one active PoP have one.
 *
 * @param country      ISO 3166-1 alpha-2 code
 * @param capacityMbps sum over the country's active PoPs
 * @param activePops   number of active PoPs
 * @param cities       distinct cities with at least one active PoP
 */
public record CountryCapacity(String country, long capacityMbps, long activePops, long cities) {
}
