package com.cmobile.ecosystem.app.topology.internal;

import java.util.Optional;
import java.util.Set;

import com.cmobile.ecosystem.app.topology.StoreNames;
import com.cmobile.ecosystem.app.topology.model.PopState;
import com.cmobile.ecosystem.app.topology.model.StoreKeys;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Applies valid PoP events to {@code pop-state-store} under the ordering rule, adds what changed
 * to this task's sums per city and per business location, and sends those sums as
 * {@link PartitionSum}s once per commit interval (see {@link PreAggregator}).
 *
 * <p>Ordering rule: an event replaces the state of its PoP only if its occurredAt is not older
 * than that of the event that set the state (on a tie the later-arriving wins). The store is a
 * plain key-value store, not a versioned one, because a versioned store drops records older than
 * its history retention: a backfill dated years back must still apply to a PoP never seen before.
 * A decommissioning is kept as an ended state with its time, so an older event cannot revive it.
 *
 * <p>Every valid event, late ones included, also takes its place in the PoP's history in
 * {@code pop-history-store} (one entry per popId and distinct occurredAt), which the as-of answers read:
 * a late event that changes nothing now still changes the past.
 */
public final class PopStateProcessor implements Processor<byte[], PopCapacityEvent, String, PartitionSum<?>> {

    private KeyValueStore<String, PopState> store;
    private KeyValueStore<String, PopState> histories;
    private PreAggregator<CapacityDelta> cities;
    private PreAggregator<CapacityDelta> businessLocations;

    /** The supplier, which also brings the store (RocksDB unless {@code inMemory}) into the topology. */
    public static ProcessorSupplier<byte[], PopCapacityEvent, String, PartitionSum<?>> supplier(boolean inMemory) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<byte[], PopCapacityEvent, String, PartitionSum<?>> get() {
                return new PopStateProcessor();
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(Stores.keyValueStoreBuilder(inMemory
                                ? Stores.inMemoryKeyValueStore(StoreNames.POP_STATE)
                                : Stores.persistentKeyValueStore(StoreNames.POP_STATE),
                        Serdes.String(), StateSerdes.popState()),
                        PreAggregatorStores.sent(StoreNames.POP_PARTIALS_SENT, inMemory),
                        PreAggregatorStores.history(StoreNames.POP_HISTORY, inMemory, StateSerdes.popState()));
            }
        };
    }

    @Override
    public void init(ProcessorContext<String, PartitionSum<?>> context) {
        this.store = context.getStateStore(StoreNames.POP_STATE);
        this.histories = context.getStateStore(StoreNames.POP_HISTORY);
        KeyValueStore<String, byte[]> sent = context.getStateStore(StoreNames.POP_PARTIALS_SENT);
        var serde = JsonSerde.of(CapacityDelta.class);
        cities = new PreAggregator<>(PartitionSum.Level.CITY, CapacityDelta::plus, CapacityDelta::isZero, serde, sent);
        businessLocations = new PreAggregator<>(PartitionSum.Level.BUSINESS_LOCATION, CapacityDelta::plus,
                CapacityDelta::isZero, serde, sent);
        // The sums are a function of the PoPs' states: rebuild them from the (restored) store.
        try (var all = store.all()) {
            all.forEachRemaining(entry -> apply(new PopChange(Optional.empty(),
                    Optional.of(entry.value).filter(PopState::active))));
        }
        cities.reconcile();
        businessLocations.reconcile();
        FlushSchedule.every(context, timestamp -> {
            cities.flush(context, timestamp);
            businessLocations.flush(context, timestamp);
        });
    }

    private void apply(PopChange change) {
        CapacityAggregation.cityDeltas(change).forEach(delta -> cities.add(delta.key, delta.value));
        CapacityAggregation.businessLocationDeltas(change)
                .forEach(delta -> businessLocations.add(delta.key, delta.value));
    }

    @Override
    public void process(Record<byte[], PopCapacityEvent> record) {
        var event = record.value();
        var popId = event.getPopId();
        var current = Optional.ofNullable(store.get(popId));
        var next = nextState(event, current);
        remember(popId, next);
        if (current.isPresent() && event.getOccurredAt().isBefore(current.get().occurredAt())) {
            return; // older than the current state: out of order, changes nothing now
        }
        if (current.isPresent() && current.get().equals(next)) {
            return; // the same event again
        }
        store.put(popId, next);
        var before = current.filter(PopState::active);
        var after = Optional.of(next).filter(PopState::active);
        if (!sameContribution(before, after)) {
            apply(new PopChange(before, after));
        }
    }

    /**
     * Puts the state an event sets in its place in the PoP's history: one entry per (popId,
     * occurredAt), so an event of the same time replaces it (the later arrival wins, as for the
     * current state) and each event costs one small write, whatever the length of the history.
     */
    private void remember(String popId, PopState state) {
        histories.put(StoreKeys.popVersion(popId, state.occurredAt()), state);
    }

    private static PopState nextState(PopCapacityEvent event, Optional<PopState> current) {
        var eventId = String.valueOf(event.getEventId());
        return switch (event.getAction()) {
            case COMMISSIONED, CAPACITY_CHANGED -> new PopState(event.getPopId(), true, event.getCity().strip(),
                    event.getCountry(), event.getBusinessLocation().strip(), event.getCapacityMbps(),
                    event.getOccurredAt(), eventId);
            case DECOMMISSIONED -> current
                    .map(c -> new PopState(c.popId(), false, c.city(), c.country(), c.businessLocation(),
                            c.capacityMbps(), event.getOccurredAt(), eventId))
                    .orElseGet(() -> new PopState(event.getPopId(), false, "", "", "", 0,
                            event.getOccurredAt(), eventId));
            case UNKNOWN -> throw new IllegalArgumentException(
                    "PoP event " + eventId + " of " + event.getPopId() + " has action UNKNOWN; validation should have rejected it");
        };
    }

    /** Whether two active states weigh the same in every aggregate (time and event id do not count). */
    private static boolean sameContribution(Optional<PopState> a, Optional<PopState> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() && b.isEmpty();
        }
        var x = a.get();
        var y = b.get();
        return x.city().equals(y.city()) && x.country().equals(y.country())
                && x.businessLocation().equals(y.businessLocation()) && x.capacityMbps() == y.capacityMbps();
    }
}
