package com.cmobile.ecosystem.app.topology.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.cmobile.ecosystem.app.topology.model.MembershipState;
import com.cmobile.ecosystem.app.topology.model.OrganisationCount;
import com.cmobile.ecosystem.app.topology.model.ProgramCountryAlliance;
import com.cmobile.ecosystem.app.topology.model.StoreKeys;
import com.cmobile.ecosystem.events.PartnerRole;
import org.apache.kafka.streams.KeyValue;

/**
 * The alliance roll-up as pure functions: membership changes become deltas per (program,
 * country), summed per input partition and then over the partitions (the programs and their
 * regions are added up from these groups when asked). An empty group returns {@code null}, which
 * deletes it from its store.
 */
public final class AllianceAggregation {

    private AllianceAggregation() {
    }

    /** One delta when the membership stays in its (program, country) group, two when it moves. */
    public static List<KeyValue<String, AllianceDelta>> programCountryDeltas(MembershipChange change) {
        Optional<KeyValue<String, AllianceDelta>> removal = change.before().map(m -> pair(m, -1));
        Optional<KeyValue<String, AllianceDelta>> addition = change.after().map(m -> pair(m, 1));
        if (removal.isPresent() && addition.isPresent() && removal.get().key.equals(addition.get().key)) {
            return List.of(KeyValue.pair(addition.get().key, removal.get().value.plus(addition.get().value)));
        }
        var deltas = new ArrayList<KeyValue<String, AllianceDelta>>(2);
        removal.ifPresent(deltas::add);
        addition.ifPresent(deltas::add);
        return deltas;
    }

    private static KeyValue<String, AllianceDelta> pair(MembershipState m, int sign) {
        long member = m.role() == PartnerRole.MEMBER ? sign : 0;
        long partner = m.role() == PartnerRole.PARTNER ? sign : 0;
        return KeyValue.pair(StoreKeys.programCountry(m.program(), m.country()),
                new AllianceDelta(m.program(), m.country(), member, partner, sign * m.subscribers()));
    }

    /** A (program, country) group from the sums of the input partitions. */
    public static ProgramCountryAlliance programCountry(String key, Collection<AllianceDelta> sums) {
        var any = sums.iterator().next();
        long members = sums.stream().mapToLong(AllianceDelta::members).sum();
        long partners = sums.stream().mapToLong(AllianceDelta::partners).sum();
        long subscribers = sums.stream().mapToLong(AllianceDelta::subscribers).sum();
        return members + partners <= 0 ? null
                : new ProgramCountryAlliance(any.program(), any.country(), members, partners, subscribers);
    }

    /** The distinct partners in any program, from the counts of the input partitions. */
    public static OrganisationCount organisations(String key, Collection<Long> counts) {
        long total = counts.stream().mapToLong(Long::longValue).sum();
        return total <= 0 ? null : new OrganisationCount(total);
    }
}
