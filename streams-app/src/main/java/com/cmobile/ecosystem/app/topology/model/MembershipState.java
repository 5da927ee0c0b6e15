package com.cmobile.ecosystem.app.topology.model;

import java.time.Instant;
import java.util.Objects;

import com.cmobile.ecosystem.events.PartnerRole;
import com.cmobile.ecosystem.events.Program;

/**
 * Current state of one membership (program, partner), kept inside {@link PartnerMemberships}.
 *
 * <p>A membership that ended (LEFT) stays with {@code active = false} and the time it ended, so
 * an older event arriving later cannot revive it.
 *
 * @param program     the alliance program
 * @param active      whether the partner currently belongs to the program
 * @param role        MEMBER or PARTNER (last known when ended)
 * @param partnerName display name of the partner
 * @param country     ISO 3166-1 alpha-2 home country of the partner (last known when ended)
 * @param subscribers mobile subscribers served; 0 when the event did not say
 * @param occurredAt  event time of the event that set this state
 * @param eventId     id of that event
 */
public record MembershipState(Program program, boolean active, PartnerRole role, String partnerName,
                              String country, long subscribers, Instant occurredAt, String eventId) {

    public MembershipState {
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(partnerName, "partnerName");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(eventId, "eventId");
    }
}
