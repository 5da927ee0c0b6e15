package com.cmobile.ecosystem.app.query;

import java.time.LocalDate;
import java.util.List;

import com.cmobile.ecosystem.events.Program;

/**
 * A program over time as {@code /api/v1/alliance/programs/{program}/history} returns it: one point
 * per period, named by its first day, with the figures as of the period's end and the memberships
 * that began ({@code joined}) and ended ({@code left}) within it.
 */
public record ProgramSeries(Program program, String by, List<Point> points) {

    public ProgramSeries {
        points = List.copyOf(points);
    }

    public record Point(LocalDate at, long members, long partners, long subscribers, long countries, long joined,
                        long left) {
    }
}
