package com.cmobile.ecosystem.app.query;

import java.time.LocalDate;
import java.util.List;

/**
 * Capacity over time as {@code /api/v1/capacity/history} returns it: one point per period, named by
 * its first day, with the figures as of the period's end.
 */
public record CapacitySeries(String by, List<Point> points) {

    public CapacitySeries {
        points = List.copyOf(points);
    }

    public record Point(LocalDate at, long capacityMbps, long activePops, long cities, long countries,
                        long businessLocations) {
    }
}
