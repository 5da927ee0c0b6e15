package com.cmobile.ecosystem.app.topology.internal;

import com.cmobile.ecosystem.events.Program;

/**
 * A change to apply to one (program, country) group: what a membership adds or takes away. Sent
 * through the {@code alliance-by-program-country} repartition topic.
 *
 * @param program     the program
 * @param country     home country of the partner
 * @param members     MEMBER memberships to add (negative to remove)
 * @param partners    PARTNER memberships to add (negative to remove)
 * @param subscribers subscribers to add (negative to remove)
 */
public record AllianceDelta(Program program, String country, long members, long partners, long subscribers) {

    AllianceDelta plus(AllianceDelta other) {
        return new AllianceDelta(program, country, members + other.members, partners + other.partners,
                subscribers + other.subscribers);
    }
}
