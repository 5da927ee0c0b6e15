package com.cmobile.ecosystem.app.topology.model;

import java.time.LocalDate;

import com.cmobile.ecosystem.events.Program;

/**
 * Membership growth of one program on one UTC day, in {@code growth-store} under
 * {@code PROGRAM|yyyy-MM-dd}. Kept forever; days without any change have no entry.
 *
 * @param program the program
 * @param day     the UTC day of the events' occurredAt
 * @param joined  memberships that began through an event dated that day
 * @param left    memberships that ended through an event dated that day
 */
public record GrowthDay(Program program, LocalDate day, long joined, long left) {
}
