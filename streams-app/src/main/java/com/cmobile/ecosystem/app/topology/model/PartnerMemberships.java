package com.cmobile.ecosystem.app.topology.model;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import com.cmobile.ecosystem.events.Program;

/**
 * All memberships of one partner, current and ended, as kept in {@code membership-state-store}
 * under the partnerId. Keyed by partner (not by program and partner) so the store lives on the
 * partition of the input topic and needs no repartitioning.
 *
 * @param partnerId   the partner (the store key)
 * @param memberships state per program
 */
public record PartnerMemberships(String partnerId, Map<Program, MembershipState> memberships) {

    public PartnerMemberships {
        Objects.requireNonNull(partnerId, "partnerId");
        memberships = Collections.unmodifiableMap(new TreeMap<>(memberships));
    }

    public static PartnerMemberships none(String partnerId) {
        return new PartnerMemberships(partnerId, Map.of());
    }

    public Optional<MembershipState> membership(Program program) {
        return Optional.ofNullable(memberships.get(program));
    }

    /** Whether the partner currently belongs to at least one program. */
    public boolean isOrganisation() {
        return memberships.values().stream().anyMatch(MembershipState::active);
    }

    public PartnerMemberships with(MembershipState state) {
        var copy = new TreeMap<>(memberships);
        copy.put(state.program(), state);
        return new PartnerMemberships(partnerId, copy);
    }
}
