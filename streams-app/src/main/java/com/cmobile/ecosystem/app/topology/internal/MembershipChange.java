package com.cmobile.ecosystem.app.topology.internal;

import java.time.Instant;
import java.util.Optional;

import com.cmobile.ecosystem.app.topology.model.MembershipState;
import com.cmobile.ecosystem.events.Program;

/**
 * What one accepted partner event changed: the active membership before and after (empty when
 * there was none), and whether the partner belonged to any program before and after.
 */
public record MembershipChange(String partnerId, Program program, Optional<MembershipState> before,
                               Optional<MembershipState> after, Instant occurredAt,
                               boolean organisationBefore, boolean organisationAfter) {

    public boolean began() {
        return before.isEmpty() && after.isPresent();
    }

    public boolean ended() {
        return before.isPresent() && after.isEmpty();
    }
}
