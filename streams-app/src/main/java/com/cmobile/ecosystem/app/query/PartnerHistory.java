package com.cmobile.ecosystem.app.query;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import com.cmobile.ecosystem.app.topology.model.MembershipState;
import com.cmobile.ecosystem.app.topology.model.PartnerMemberships;
import com.cmobile.ecosystem.events.Program;

/**
 * Every state the memberships of one partner have had: its entries of
 * {@code membership-history-store}, per program one per distinct occurredAt, in time order.
 *
 * @param partnerId the partner
 * @param programs  per program, its membership states by occurredAt, oldest first
 */
public record PartnerHistory(String partnerId, Map<Program, List<MembershipState>> programs) {

    public PartnerHistory {
        Objects.requireNonNull(partnerId, "partnerId");
        var copy = new TreeMap<Program, List<MembershipState>>();
        programs.forEach((program, versions) -> copy.put(program, List.copyOf(versions)));
        programs = Collections.unmodifiableMap(copy);
    }

    /** Its memberships as of {@code at}: the programs it had an event of by then, each in its state then. */
    public PartnerMemberships asOf(Instant at) {
        var memberships = new TreeMap<Program, MembershipState>();
        programs.forEach((program, versions) -> Versions.asOf(versions, at, MembershipState::occurredAt)
                .ifPresent(state -> memberships.put(program, state)));
        return new PartnerMemberships(partnerId, memberships);
    }

    /** The versions of one program, oldest first (empty when it never had an event of it). */
    public List<MembershipState> of(Program program) {
        return programs.getOrDefault(program, List.of());
    }

    /** Time of its first event of {@code program}; empty when it has none. */
    public Optional<Instant> firstEvent(Program program) {
        var versions = of(program);
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(0).occurredAt());
    }
}
