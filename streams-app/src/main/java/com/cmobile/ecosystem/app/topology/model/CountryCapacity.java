package com.cmobile.ecosystem.app.topology.model;

/**
 * Capacity of one country, in {@code country-capacity-store} under the alpha-2 code. Only
 * countries with at least one active PoP have an entry.
 *
 * @param country      ISO 3166-1 alpha-2 code
 * @param capacityMbps sum over the country's active PoPs
 * @param activePops   number of active PoPs
 * @param cities       distinct cities with at least one active PoP
 */
public record CountryCapacity(String country, long capacityMbps, long activePops, long cities) {
}
