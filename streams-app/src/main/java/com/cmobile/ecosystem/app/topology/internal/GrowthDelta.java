package com.cmobile.ecosystem.app.topology.internal;

import java.time.LocalDate;

import com.cmobile.ecosystem.events.Program;

/**
 * One membership that began or ended on a day; sent through the {@code alliance-growth-by-day}
 * repartition topic.
 *
 * @param program the program
 * @param day     UTC day of the event
 * @param joined  1 when a membership began
 * @param left    1 when a membership ended
 */
public record GrowthDelta(Program program, LocalDate day, long joined, long left) {
}
