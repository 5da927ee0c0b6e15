package com.cmobile.ecosystem.app.topology.internal;

import com.cmobile.ecosystem.events.Program;

/**
 * A change to one (program, country) group (what a membership adds or takes away), or the sum
 * of such changes over one input partition, as sent in a {@link PartitionSum}.
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

    /** Whether this sum leaves its group as if it had no membership. */
    boolean isZero() {
        return members == 0 && partners == 0 && subscribers == 0;
    }
}
