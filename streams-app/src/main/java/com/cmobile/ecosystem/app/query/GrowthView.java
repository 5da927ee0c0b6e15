package com.cmobile.ecosystem.app.query;

import com.cmobile.ecosystem.events.Program;
import java.time.LocalDate;
import java.util.List;

/** Joins and departures of one program per UTC day, every day of the asked range, in order. */
public record GrowthView(Program program, List<Day> days) {

    public GrowthView {
        days = List.copyOf(days);
    }

    /** One UTC day; zeros when nothing changed that day. */
    public record Day(LocalDate day, long joined, long left) {
    }
}
