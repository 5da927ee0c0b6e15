package com.cmobile.ecosystem.app.topology;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import com.cmobile.ecosystem.app.topology.internal.AllianceAggregation;
import com.cmobile.ecosystem.app.topology.internal.AllianceDelta;
import com.cmobile.ecosystem.app.topology.internal.CapacityAggregation;
import com.cmobile.ecosystem.app.topology.internal.CapacityDelta;
import com.cmobile.ecosystem.app.topology.internal.EventParser.EventKind;
import com.cmobile.ecosystem.app.topology.internal.EventParser.Problem;
import com.cmobile.ecosystem.app.topology.internal.EventParser;
import com.cmobile.ecosystem.app.topology.internal.JsonSerde;
import com.cmobile.ecosystem.app.topology.internal.KeyPartitions;
import com.cmobile.ecosystem.app.topology.internal.MembershipStateProcessor;
import com.cmobile.ecosystem.app.topology.internal.Parsed;
import com.cmobile.ecosystem.app.topology.internal.PartitionSum;
import com.cmobile.ecosystem.app.topology.internal.PopStateProcessor;
import com.cmobile.ecosystem.app.topology.internal.SumsByPartition;
import com.cmobile.ecosystem.app.topology.model.BusinessLocationCapacity;
import com.cmobile.ecosystem.app.topology.model.CityCapacity;
import com.cmobile.ecosystem.app.topology.model.OrganisationCount;
import com.cmobile.ecosystem.app.topology.model.ProgramCountryAlliance;
import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.serde.EventSerdes;
import com.cmobile.ecosystem.validation.EventValidator;
import com.cmobile.ecosystem.validation.Violation;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Builds the topology: live capacity aggregates from {@code pop-capacity} and alliance aggregates
 * from {@code partner-onboarding}; invalid records go to {@code pop-capacity-dlq} and
 * {@code partner-onboarding-dlq} (topic names as configured in {@link TopologySettings}). The
 * stores are listed in {@link StoreNames}.
 *
 * <p>Shape: each input is parsed and validated by one processor; valid events produced on another
 * partition than their key's home ({@link KeyPartitions}) first move home through a by-key
 * repartition topic, so each key has one state whatever partitioner its producers use; the valid
 * events update the current state per key (a plain key-value store applying the ordering rule),
 * and the same
 * processor adds what changed to its task's sums per first-level group, which it sends whole
 * once per commit interval ({@link PartitionSum}, see {@code PreAggregator}): a hot key costs one
 * record per flush, not one per event. The owner of each group adds up the latest sum of every input
 * partition. That is the last level: the groups above (countries, regions, the world, programs and
 * their regions) hold a few hundred keys between them, so the query layer adds them up when asked
 * ({@code CapacityRollUp}, {@code AllianceRollUp}) instead of paying a repartition topic, a
 * changelog and a commit interval of delay for each.
 *
 * <p>Every processor, repartition topic and store is named: the names are part of the
 * application's on-disk and on-broker format.
 */
public final class EcosystemTopology {

    private final TopologySettings settings;
    private final EventValidator validator;
    private final DeadLetterListener deadLetters;

    public EcosystemTopology(TopologySettings settings, EventValidator validator, DeadLetterListener deadLetters) {
        this.settings = settings;
        this.validator = validator;
        this.deadLetters = deadLetters;
    }

    public Topology build() {
        var builder = new StreamsBuilder();

        var popPartials = popPartials(builder);
        capacityByCity(popPartials);
        capacityByBusinessLocation(popPartials);

        var membershipPartials = membershipPartials(builder);
        allianceByProgramAndCountry(membershipPartials);
        organisations(membershipPartials);

        return builder.build();
    }

    // ---- PoP capacity ----------------------------------------------------------------------

    /** The partial sums per city and business location of every task, by level. */
    private Map<String, KStream<String, PartitionSum<?>>> popPartials(StreamsBuilder builder) {
        var kind = new EventKind<PopCapacityEvent>("popId",
                EventSerdes.popCapacity(settings.serdeConfig()).deserializer(),
                event -> problems(validator.validate(event)),
                PopCapacityEvent::getPopId, PopCapacityEvent::getOccurredAt);
        return byLevel(validEventsByKey(builder, settings.popCapacityTopic(), settings.popCapacityDlqTopic(),
                        "pop-capacity", "pop-capacity-by-pop-id", settings.popCapacityPartitions(), kind)
                .process(PopStateProcessor.supplier(inMemory()), Named.as("pop-state-apply")), "pop-partials-");
    }

    private void capacityByCity(Map<String, KStream<String, PartitionSum<?>>> partials) {
        sumPartials(this.<CapacityDelta>level(partials, "pop-partials-", PartitionSum.Level.CITY),
                "capacity-city-partials", CapacityDelta.class,
                StoreNames.CITY_PARTIALS, CapacityAggregation::city, StoreNames.CITY_CAPACITY, CityCapacity.class);
    }

    private void capacityByBusinessLocation(
            Map<String, KStream<String, PartitionSum<?>>> partials) {
        sumPartials(this.<CapacityDelta>level(partials, "pop-partials-", PartitionSum.Level.BUSINESS_LOCATION),
                "capacity-business-location-partials", CapacityDelta.class,
                StoreNames.BUSINESS_LOCATION_PARTIALS, CapacityAggregation::businessLocation,
                StoreNames.BUSINESS_LOCATION_CAPACITY, BusinessLocationCapacity.class);
    }

    // ---- Alliance --------------------------------------------------------------------------

    /** The partial sums per (program, country), and of organisations, of every task, by level. */
    private Map<String, KStream<String, PartitionSum<?>>> membershipPartials(StreamsBuilder builder) {
        var kind = new EventKind<PartnerOnboardingEvent>("partnerId",
                EventSerdes.partnerOnboarding(settings.serdeConfig()).deserializer(),
                event -> problems(validator.validate(event)),
                PartnerOnboardingEvent::getPartnerId, PartnerOnboardingEvent::getOccurredAt);
        return byLevel(validEventsByKey(builder, settings.partnerOnboardingTopic(),
                        settings.partnerOnboardingDlqTopic(), "partner-onboarding", "partner-onboarding-by-partner-id",
                        settings.partnerOnboardingPartitions(), kind)
                .process(MembershipStateProcessor.supplier(inMemory()), Named.as("membership-state-apply")),
                "membership-partials-");
    }

    private void allianceByProgramAndCountry(
            Map<String, KStream<String, PartitionSum<?>>> partials) {
        sumPartials(
                this.<AllianceDelta>level(partials, "membership-partials-", PartitionSum.Level.PROGRAM_COUNTRY),
                "alliance-program-country-partials", AllianceDelta.class,
                StoreNames.PROGRAM_COUNTRY_PARTIALS, AllianceAggregation::programCountry,
                StoreNames.PROGRAM_COUNTRY_ALLIANCE, ProgramCountryAlliance.class);
    }

    /** Distinct partners in any program: each task counts its own, and the counts meet under {@code global}. */
    private void organisations(Map<String, KStream<String, PartitionSum<?>>> partials) {
        sumPartials(this.<Long>level(partials, "membership-partials-", PartitionSum.Level.ORGANISATIONS),
                "alliance-organisation-partials", Long.class,
                StoreNames.ORGANISATION_PARTIALS, AllianceAggregation::organisations,
                StoreNames.ORGANISATION_COUNT, OrganisationCount.class);
    }

    // ---- shared steps ----------------------------------------------------------------------

    /**
     * Splits a state processor's partials by {@link PartitionSum.Level}; the branches are named
     * {@code prefix + level}.
     */
    private static Map<String, KStream<String, PartitionSum<?>>> byLevel(KStream<String, PartitionSum<?>> partials,
                                                                         String prefix) {
        var split = partials.split(Named.as(prefix));
        for (var level : PartitionSum.Level.values()) {
            split = split.branch((key, partial) -> partial.level() == level, Branched.as(branchName(level)));
        }
        return split.noDefaultBranch();
    }

    private static String branchName(PartitionSum.Level level) {
        return level.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The branch of one level; every partial in it carries a sum of type {@code T}. */
    @SuppressWarnings("unchecked")
    private <T> KStream<String, PartitionSum<T>> level(Map<String, KStream<String, PartitionSum<?>>> branches,
                                                       String prefix, PartitionSum.Level level) {
        return (KStream<String, PartitionSum<T>>) (KStream<String, ?>) branches.get(prefix + branchName(level));
    }

    /**
     * The first level of an aggregation: the partials of every input partition, repartitioned by
     * aggregate key (topic {@code name-repartition}), kept per key in {@code partialsStore}, and
     * added up by {@code total} into the queryable {@code storeName}.
     */
    private <T, R> KTable<String, R> sumPartials(KStream<String, PartitionSum<T>> partials, String name,
                                                 Class<T> sumType, String partialsStore,
                                                 BiFunction<String, Collection<T>, R> total,
                                                 String storeName, Class<R> type) {
        return partials
                .groupByKey(Grouped.with(name, Serdes.String(),
                        JsonSerde.<PartitionSum<T>>of(PartitionSum.class, sumType)))
                .aggregate(SumsByPartition::<T>none, (key, partial, sums) -> sums.with(partial),
                        Named.as(name + "-aggregate"),
                        Materialized.<String, SumsByPartition<T>, KeyValueStore<Bytes, byte[]>>as(partialsStore)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(JsonSerde.<SumsByPartition<T>>of(SumsByPartition.class, sumType))
                                .withStoreType(storeType()))
                .mapValues((key, sums) -> total.apply(key, sums.sums()), Named.as(name + "-total"),
                        store(storeName, type));
    }

    /**
     * Reads a topic as raw bytes and returns its valid events, each on its key's home partition
     * ({@link KeyPartitions}), whatever partition the producer chose. One processor parses and
     * validates each record; the rejected ones go to the DLQ (original bytes, reasons in headers).
     * A valid event on another partition takes a hop through the {@code byKey} repartition topic and
     * is parsed again there: only those records pay for the hop.
     */
    private <T> KStream<byte[], T> validEventsByKey(StreamsBuilder builder, String topic, String deadLetterTopic,
                                                    String prefix, String byKey, int partitions, EventKind<T> kind) {
        Map<String, KStream<byte[], Parsed<T>>> parsed = builder
                .stream(topic, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(prefix + "-source"))
                .processValues(() -> EventParser.atSource(kind, deadLetterTopic, deadLetters, new KeyPartitions(partitions)),
                        Named.as(prefix + "-parse"))
                .split(Named.as(prefix + "-"))
                .branch((key, event) -> event instanceof Parsed.Valid, Branched.as("valid"))
                .branch((key, event) -> event instanceof Parsed.Misplaced, Branched.as("misplaced"))
                .defaultBranch(Branched.as("rejected"));
        Map<String, KStream<byte[], Parsed<T>>> moved = parsed.get(prefix + "-misplaced")
                .mapValues(event -> ((Parsed.Misplaced<T>) event).rawValue(), Named.as(prefix + "-misplaced-value"))
                .repartition(Repartitioned.<byte[], byte[]>as(byKey)
                        .withKeySerde(Serdes.ByteArray()).withValueSerde(Serdes.ByteArray())
                        .withNumberOfPartitions(partitions))
                .processValues(() -> EventParser.afterMove(kind, deadLetterTopic, deadLetters), Named.as(byKey + "-parse"))
                .split(Named.as(byKey + "-"))
                .branch((key, event) -> event instanceof Parsed.Valid, Branched.as("valid"))
                .defaultBranch(Branched.as("rejected"));
        parsed.get(prefix + "-rejected")
                .merge(moved.get(byKey + "-rejected"), Named.as(prefix + "-rejected-merge"))
                .mapValues(event -> ((Parsed.Rejected<T>) event).rawValue(), Named.as(prefix + "-dlq-value"))
                .to(deadLetterTopic, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(prefix + "-dlq-sink"));
        return parsed.get(prefix + "-valid")
                .merge(moved.get(byKey + "-valid"), Named.as(prefix + "-by-key-merge"))
                .mapValues(event -> ((Parsed.Valid<T>) event).event(), Named.as(prefix + "-valid-event"));
    }

    private static List<Problem> problems(List<Violation> violations) {
        return violations.stream()
                .map(v -> new Problem(v.reason().code(), v.message()))
                .collect(Collectors.toUnmodifiableList());
    }

    private boolean inMemory() {
        return settings.storeType() == TopologySettings.StoreType.IN_MEMORY;
    }

    private Materialized.StoreType storeType() {
        return inMemory() ? Materialized.StoreType.IN_MEMORY : Materialized.StoreType.ROCKS_DB;
    }

    private static <T> Serde<T> json(Class<T> type) {
        return JsonSerde.of(type);
    }

    private <V> Materialized<String, V, KeyValueStore<Bytes, byte[]>> store(String name, Class<V> type) {
        return Materialized.<String, V, KeyValueStore<Bytes, byte[]>>as(name)
                .withKeySerde(Serdes.String())
                .withValueSerde(JsonSerde.of(type))
                .withStoreType(storeType());
    }
}
