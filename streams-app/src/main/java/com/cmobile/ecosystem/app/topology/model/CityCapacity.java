package com.cmobile.ecosystem.app.topology.model;

/**
 * Capacity of one city, in {@code city-capacity-store} under {@code COUNTRY|normalised-city}.
 * Only cities with at least one active PoP have an entry.
 *
 * @param country      ISO 3166-1 alpha-2 code
 * @param city         display name, as last written by an event of an active PoP of the city
 * @param capacityMbps sum over the city's active PoPs
 * @param activePops   number of active PoPs in the city
 */
public record CityCapacity(String country, String city, long capacityMbps, long activePops) {
}
