package com.cmobile.ecosystem.app.topology.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Current state of one Point of Presence, as kept in {@code pop-state-store} under its popId.
 *
 * <p>A decommissioned PoP stays in the store with {@code active = false} and the time of its
 * decommissioning, so that an older event arriving later cannot revive it. Location and capacity
 * of an ended PoP are the last ones known (blank if it was never seen active).
 *
 * @param popId            stable id of the PoP (the store key)
 * @param active           whether the PoP is commissioned
 * @param city             city as written by the event that set this state (trimmed)
 * @param country          ISO 3166-1 alpha-2 country code
 * @param businessLocation business location operating the PoP (trimmed)
 * @param capacityMbps     international capacity in Mbps
 * @param occurredAt       event time of the event that set this state
 * @param eventId          id of that event
 */
public record PopState(String popId, boolean active, String city, String country,
                       String businessLocation, long capacityMbps, Instant occurredAt, String eventId) {

    public PopState {
        Objects.requireNonNull(popId, "popId");
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(businessLocation, "businessLocation");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(eventId, "eventId");
    }

    /** The key of this PoP's city in {@code city-capacity-store}. */
    public String cityKey() {
        return StoreKeys.city(country, city);
    }
}
