package com.cmobile.ecosystem.app.topology.internal;

import java.util.Optional;
import java.util.Set;

import com.cmobile.ecosystem.app.topology.StoreNames;
import com.cmobile.ecosystem.app.topology.model.MembershipState;
import com.cmobile.ecosystem.app.topology.model.PartnerMemberships;
import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Applies valid partner events to {@code membership-state-store} under the ordering rule (per
 * program and partner), and forwards a {@link MembershipChange} keyed by partnerId when the
 * membership changed in a way any aggregate sees.
 *
 * <p>The store is keyed by partnerId, the key of the input topic, so it needs no repartitioning;
 * each entry holds the partner's memberships per program. It is a plain key-value store: see
 * {@link PopStateProcessor} for why not a versioned one.
 */
public final class MembershipStateProcessor
        implements Processor<byte[], PartnerOnboardingEvent, String, MembershipChange> {

    private ProcessorContext<String, MembershipChange> context;
    private KeyValueStore<String, PartnerMemberships> store;

    /** The supplier, which also brings the store (RocksDB unless {@code inMemory}) into the topology. */
    public static ProcessorSupplier<byte[], PartnerOnboardingEvent, String, MembershipChange> supplier(boolean inMemory) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<byte[], PartnerOnboardingEvent, String, MembershipChange> get() {
                return new MembershipStateProcessor();
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(Stores.keyValueStoreBuilder(inMemory
                        ? Stores.inMemoryKeyValueStore(StoreNames.MEMBERSHIP_STATE)
                        : Stores.persistentKeyValueStore(StoreNames.MEMBERSHIP_STATE),
                        Serdes.String(), JsonSerde.of(PartnerMemberships.class)));
            }
        };
    }

    @Override
    public void init(ProcessorContext<String, MembershipChange> context) {
        this.context = context;
        this.store = context.getStateStore(StoreNames.MEMBERSHIP_STATE);
    }

    @Override
    public void process(Record<byte[], PartnerOnboardingEvent> record) {
        var event = record.value();
        var partnerId = event.getPartnerId();
        var partner = Optional.ofNullable(store.get(partnerId)).orElseGet(() -> PartnerMemberships.none(partnerId));
        var current = partner.membership(event.getProgram());
        if (current.isPresent() && event.getOccurredAt().isBefore(current.get().occurredAt())) {
            return; // older than the current state of this membership: changes nothing
        }
        var next = nextState(event, current);
        if (current.isPresent() && current.get().equals(next)) {
            return; // the same event again
        }
        var updated = partner.with(next);
        store.put(partnerId, updated);
        var before = current.filter(MembershipState::active);
        var after = Optional.of(next).filter(MembershipState::active);
        if (!sameContribution(before, after)) {
            context.forward(record.withKey(partnerId).withValue(new MembershipChange(partnerId, event.getProgram(),
                    before, after, event.getOccurredAt(), partner.isOrganisation(), updated.isOrganisation())));
        }
    }

    private static MembershipState nextState(PartnerOnboardingEvent event, Optional<MembershipState> current) {
        var eventId = String.valueOf(event.getEventId());
        return switch (event.getAction()) {
            case JOINED, UPDATED -> new MembershipState(event.getProgram(), true, event.getRole(),
                    event.getPartnerName().strip(), event.getCountry(),
                    event.getSubscribers() == null ? 0 : event.getSubscribers(), event.getOccurredAt(), eventId);
            case LEFT -> current
                    .map(c -> new MembershipState(c.program(), false, c.role(), c.partnerName(), c.country(),
                            c.subscribers(), event.getOccurredAt(), eventId))
                    .orElseGet(() -> new MembershipState(event.getProgram(), false, event.getRole(),
                            blankIfNull(event.getPartnerName()), blankIfNull(event.getCountry()), 0,
                            event.getOccurredAt(), eventId));
            case UNKNOWN -> throw new IllegalArgumentException("Partner event " + eventId + " of "
                    + event.getPartnerId() + " has action UNKNOWN; validation should have rejected it");
        };
    }

    private static String blankIfNull(String value) {
        return value == null ? "" : value.strip();
    }

    /** Whether two active memberships weigh the same in every aggregate (name and time do not count). */
    private static boolean sameContribution(Optional<MembershipState> a, Optional<MembershipState> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() && b.isEmpty();
        }
        var x = a.get();
        var y = b.get();
        return x.role() == y.role() && x.country().equals(y.country()) && x.subscribers() == y.subscribers();
    }
}
