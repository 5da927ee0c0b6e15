package com.cmobile.ecosystem.app.topology.internal;

import java.time.LocalDate;

import com.cmobile.ecosystem.events.Program;

/**
 * Memberships of one program that began or ended on one day: those of one event, or the sum over
 * one input partition, as sent in a {@link PartitionSum}.
 *
 * @param program the program
 * @param day     UTC day of the event
 * @param joined  memberships that began
 * @param left    memberships that ended
 */
public record GrowthDelta(Program program, LocalDate day, long joined, long left) {

    GrowthDelta plus(GrowthDelta other) {
        return new GrowthDelta(program, day, joined + other.joined, left + other.left);
    }

    /** Whether this sum counts nothing. */
    boolean isZero() {
        return joined == 0 && left == 0;
    }
}
