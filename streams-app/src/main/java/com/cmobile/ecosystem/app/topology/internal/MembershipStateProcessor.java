package com.cmobile.ecosystem.app.topology.internal;

import java.util.Optional;
import java.util.Set;

import com.cmobile.ecosystem.app.topology.StoreNames;
import com.cmobile.ecosystem.app.topology.model.MembershipState;
import com.cmobile.ecosystem.app.topology.model.PartnerMemberships;
import com.cmobile.ecosystem.app.topology.model.StoreKeys;
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
 * program and partner), adds what changed to this task's sums per (program, country), of
 * organisations, and sends those sums as {@link PartitionSum}s once
 * per commit interval (see {@link PreAggregator}).
 *
 * <p>The store is keyed by partnerId, the key of the input topic, so it needs no repartitioning;
 * each entry holds the partner's memberships per program. It is a plain key-value store: see
 * {@link PopStateProcessor} for why not a versioned one. Every valid event, late ones included,
 * also takes its place in the partner's history in {@code membership-history-store}, which the
 * as-of answers read.
 */
public final class MembershipStateProcessor
        implements Processor<byte[], PartnerOnboardingEvent, String, PartitionSum<?>> {

    private KeyValueStore<String, PartnerMemberships> store;
    private KeyValueStore<String, MembershipState> histories;
    private PreAggregator<AllianceDelta> programCountries;
    private PreAggregator<Long> organisations;

    /** The supplier, which also brings the store (RocksDB unless {@code inMemory}) into the topology. */
    public static ProcessorSupplier<byte[], PartnerOnboardingEvent, String, PartitionSum<?>> supplier(
            boolean inMemory) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<byte[], PartnerOnboardingEvent, String, PartitionSum<?>> get() {
                return new MembershipStateProcessor();
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(Stores.keyValueStoreBuilder(inMemory
                                ? Stores.inMemoryKeyValueStore(StoreNames.MEMBERSHIP_STATE)
                                : Stores.persistentKeyValueStore(StoreNames.MEMBERSHIP_STATE),
                        Serdes.String(), StateSerdes.partnerMemberships()),
                        PreAggregatorStores.sent(StoreNames.MEMBERSHIP_PARTIALS_SENT, inMemory),
                        PreAggregatorStores.history(StoreNames.MEMBERSHIP_HISTORY, inMemory,
                                StateSerdes.membershipState()));
            }
        };
    }

    @Override
    public void init(ProcessorContext<String, PartitionSum<?>> context) {
        this.store = context.getStateStore(StoreNames.MEMBERSHIP_STATE);
        this.histories = context.getStateStore(StoreNames.MEMBERSHIP_HISTORY);
        KeyValueStore<String, byte[]> sent = context.getStateStore(StoreNames.MEMBERSHIP_PARTIALS_SENT);
        programCountries = new PreAggregator<>(PartitionSum.Level.PROGRAM_COUNTRY, AllianceDelta::plus,
                AllianceDelta::isZero, JsonSerde.of(AllianceDelta.class), sent);
        organisations = new PreAggregator<>(PartitionSum.Level.ORGANISATIONS, Long::sum, count -> count == 0,
                Serdes.Long(), sent);
        // Memberships and organisations are a function of the partners' states: rebuild them from
        // the (restored) store.
        try (var all = store.all()) {
            all.forEachRemaining(entry -> {
                var partner = entry.value;
                partner.memberships().values().stream().filter(MembershipState::active).forEach(m ->
                        AllianceAggregation.programCountryDeltas(new MembershipChange(partner.partnerId(), m.program(),
                                        Optional.empty(), Optional.of(m), m.occurredAt(), false, false))
                                .forEach(delta -> programCountries.add(delta.key, delta.value)));
                if (partner.isOrganisation()) {
                    organisations.add(StoreKeys.GLOBAL, 1L);
                }
            });
        }
        programCountries.reconcile();
        organisations.reconcile();
        FlushSchedule.every(context, timestamp -> {
            programCountries.flush(context, timestamp);
            organisations.flush(context, timestamp);
        });
    }

    private void apply(MembershipChange change) {
        AllianceAggregation.programCountryDeltas(change).forEach(delta -> programCountries.add(delta.key, delta.value));
        if (change.organisationBefore() != change.organisationAfter()) {
            organisations.add(StoreKeys.GLOBAL, change.organisationAfter() ? 1L : -1L);
        }
    }

    @Override
    public void process(Record<byte[], PartnerOnboardingEvent> record) {
        var event = record.value();
        var partnerId = event.getPartnerId();
        var partner = Optional.ofNullable(store.get(partnerId)).orElseGet(() -> PartnerMemberships.none(partnerId));
        var current = partner.membership(event.getProgram());
        var next = nextState(event, current);
        remember(partnerId, next);
        if (current.isPresent() && event.getOccurredAt().isBefore(current.get().occurredAt())) {
            return; // older than the current state of this membership: changes nothing now
        }
        if (current.isPresent() && current.get().equals(next)) {
            return; // the same event again
        }
        var updated = partner.with(next);
        store.put(partnerId, updated);
        var before = current.filter(MembershipState::active);
        var after = Optional.of(next).filter(MembershipState::active);
        if (!sameContribution(before, after)) {
            apply(new MembershipChange(partnerId, event.getProgram(), before, after, event.getOccurredAt(),
                    partner.isOrganisation(), updated.isOrganisation()));
        }
    }

    /** Puts the state an event sets in its place in the membership's history (see {@link PopStateProcessor}). */
    private void remember(String partnerId, MembershipState state) {
        histories.put(StoreKeys.membershipVersion(partnerId, state.program(), state.occurredAt()), state);
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
