package com.cmobile.ecosystem.app.topology.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.cmobile.ecosystem.app.topology.model.BusinessLocationCapacity;
import com.cmobile.ecosystem.app.topology.model.CityCapacity;
import com.cmobile.ecosystem.app.topology.model.PopState;
import org.apache.kafka.streams.KeyValue;

/**
 * The capacity roll-up as pure functions: PoP changes become deltas per city and business
 * location, summed per input partition and then over the partitions (countries, regions and the
 * world are added up from the cities when asked). A group that becomes empty returns {@code null}, which deletes it from its store, so every store holds non-empty groups
 * only and counts of distinct groups are counts of entries.
 */
public final class CapacityAggregation {

    private CapacityAggregation() {
    }

    /** The city deltas of one PoP change: one when it stays in its city, two when it moves. */
    public static List<KeyValue<String, CapacityDelta>> cityDeltas(PopChange change) {
        return deltas(change, PopState::cityKey, p -> p.country(), PopState::city);
    }

    /** The business-location deltas of one PoP change: one, or two when it changes hands. */
    public static List<KeyValue<String, CapacityDelta>> businessLocationDeltas(PopChange change) {
        return deltas(change, PopState::businessLocation, p -> "", PopState::businessLocation);
    }

    private static List<KeyValue<String, CapacityDelta>> deltas(PopChange change, Function<PopState, String> key,
                                                              Function<PopState, String> country,
                                                              Function<PopState, String> name) {
        Optional<KeyValue<String, CapacityDelta>> removal = change.before().map(p -> KeyValue.pair(key.apply(p),
                new CapacityDelta(country.apply(p), name.apply(p), -p.capacityMbps(), -1)));
        Optional<KeyValue<String, CapacityDelta>> addition = change.after().map(p -> KeyValue.pair(key.apply(p),
                new CapacityDelta(country.apply(p), name.apply(p), p.capacityMbps(), 1)));
        if (removal.isPresent() && addition.isPresent() && removal.get().key.equals(addition.get().key)) {
            // Same group: one record, so the group never passes through a state without this PoP.
            return List.of(KeyValue.pair(addition.get().key, removal.get().value.plus(addition.get().value)));
        }
        var deltas = new ArrayList<KeyValue<String, CapacityDelta>>(2);
        removal.ifPresent(deltas::add);
        addition.ifPresent(deltas::add);
        return deltas;
    }

    /** A city from the sums of the input partitions; named as by the most recently changed one. */
    public static CityCapacity city(String key, Collection<CapacityDelta> sums) {
        String country = "";
        String name = "";
        long capacity = 0;
        long pops = 0;
        for (var sum : sums) {
            country = sum.country();
            name = sum.name();
            capacity += sum.capacityMbps();
            pops += sum.activePops();
        }
        return pops <= 0 ? null : new CityCapacity(country, name, capacity, pops);
    }

    /** A business location from the sums of the input partitions. */
    public static BusinessLocationCapacity businessLocation(String businessLocation, Collection<CapacityDelta> sums) {
        long capacity = sums.stream().mapToLong(CapacityDelta::capacityMbps).sum();
        long pops = sums.stream().mapToLong(CapacityDelta::activePops).sum();
        return pops <= 0 ? null : new BusinessLocationCapacity(businessLocation, capacity, pops);
    }

}
