package com.cmobile.ecosystem.app.query;

import com.cmobile.ecosystem.geo.Region;
import java.time.Instant;

/**
 * Current state of an active PoP as {@code /api/v1/pops/{popId}} returns it.
 *
 * @param region UN M49 region of its country
 */
public record PopView(String popId, String city, String country, Region region, String businessLocation,
                      long capacityMbps, Instant occurredAt) {
}
