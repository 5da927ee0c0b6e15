package com.cmobile.ecosystem.app.topology;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.cmobile.ecosystem.app.topology.internal.AllianceAggregation;
import com.cmobile.ecosystem.app.topology.internal.AllianceDelta;
import com.cmobile.ecosystem.app.topology.internal.CapacityAggregation;
import com.cmobile.ecosystem.app.topology.internal.CapacityDelta;
import com.cmobile.ecosystem.app.topology.internal.EventParser;
import com.cmobile.ecosystem.app.topology.internal.EventParser.EventKind;
import com.cmobile.ecosystem.app.topology.internal.EventParser.Problem;
import com.cmobile.ecosystem.app.topology.internal.GrowthDelta;
import com.cmobile.ecosystem.app.topology.internal.JsonSerde;
import com.cmobile.ecosystem.app.topology.internal.MembershipChange;
import com.cmobile.ecosystem.app.topology.internal.MembershipStateProcessor;
import com.cmobile.ecosystem.app.topology.internal.Parsed;
import com.cmobile.ecosystem.app.topology.internal.PopChange;
import com.cmobile.ecosystem.app.topology.internal.PopStateProcessor;
import com.cmobile.ecosystem.app.topology.model.BusinessLocationCapacity;
import com.cmobile.ecosystem.app.topology.model.CityCapacity;
import com.cmobile.ecosystem.app.topology.model.CountryCapacity;
import com.cmobile.ecosystem.app.topology.model.GlobalCapacity;
import com.cmobile.ecosystem.app.topology.model.GrowthDay;
import com.cmobile.ecosystem.app.topology.model.OrganisationCount;
import com.cmobile.ecosystem.app.topology.model.ProgramAlliance;
import com.cmobile.ecosystem.app.topology.model.ProgramCountryAlliance;
import com.cmobile.ecosystem.app.topology.model.ProgramRegionAlliance;
import com.cmobile.ecosystem.app.topology.model.RegionCapacity;
import com.cmobile.ecosystem.app.topology.model.StoreKeys;
import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.serde.EventSerdes;
import com.cmobile.ecosystem.validation.EventValidator;
import com.cmobile.ecosystem.validation.Violation;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
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
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Builds the topology: live capacity aggregates from {@code pop-capacity} and alliance aggregates
 * from {@code partner-onboarding}; invalid records go to {@code pop-capacity-dlq} and
 * {@code partner-onboarding-dlq} (topic names as configured in {@link TopologySettings}). The
 * stores are listed in {@link StoreNames}.
 *
 * <p>Shape: each input is parsed and validated by one processor; the valid events update the
 * current state per key (a plain key-value store applying the ordering rule), which forwards
 * what changed; the changes become deltas per group, summed by a grouped aggregation, and each
 * level above is a KTable aggregation (adder and subtractor) of the level below. Levels above
 * the first see at most one update per key and commit from each task, thanks to the record
 * cache: this is what pre-aggregates per partition before the single-key global entries.
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

        var popChanges = popStateChanges(builder);
        var cities = capacityByCity(popChanges);
        var countries = capacityByCountry(cities);
        var regions = capacityByRegion(countries);
        var businessLocations = capacityByBusinessLocation(popChanges);
        globalCapacity(regions, businessLocations);

        var membershipChanges = membershipChanges(builder);
        var programCountries = allianceByProgramAndCountry(membershipChanges);
        allianceByProgram(programCountries);
        allianceByProgramAndRegion(programCountries);
        organisations(membershipChanges);
        growth(membershipChanges);

        return builder.build();
    }

    // ---- PoP capacity ----------------------------------------------------------------------

    private KStream<String, PopChange> popStateChanges(StreamsBuilder builder) {
        var kind = new EventKind<PopCapacityEvent>("popId",
                EventSerdes.popCapacity(settings.serdeConfig()).deserializer(),
                event -> problems(validator.validate(event)),
                PopCapacityEvent::getPopId, PopCapacityEvent::getOccurredAt);
        return validEvents(builder, settings.popCapacityTopic(), settings.popCapacityDlqTopic(), "pop-capacity", kind)
                .process(PopStateProcessor.supplier(inMemory()), Named.as("pop-state-apply"));
    }

    private KTable<String, CityCapacity> capacityByCity(KStream<String, PopChange> popChanges) {
        return popChanges
                .flatMap((popId, change) -> CapacityAggregation.cityDeltas(change), Named.as("capacity-city-deltas"))
                .groupByKey(Grouped.with("capacity-by-city", Serdes.String(), json(CapacityDelta.class)))
                .aggregate(CapacityAggregation::emptyCity,
                        (city, delta, total) -> CapacityAggregation.applyToCity(delta, total),
                        Named.as("capacity-city-aggregate"),
                        store(StoreNames.CITY_CAPACITY, CityCapacity.class));
    }

    private KTable<String, CountryCapacity> capacityByCountry(KTable<String, CityCapacity> cities) {
        return cities
                .groupBy((key, city) -> KeyValue.pair(city.country(), city),
                        Grouped.with("capacity-by-country", Serdes.String(), json(CityCapacity.class)))
                .aggregate(CapacityAggregation::emptyCountry, CapacityAggregation::addCity,
                        CapacityAggregation::subtractCity, Named.as("capacity-country-aggregate"),
                        store(StoreNames.COUNTRY_CAPACITY, CountryCapacity.class));
    }

    private KTable<String, RegionCapacity> capacityByRegion(KTable<String, CountryCapacity> countries) {
        return countries
                .groupBy((key, country) -> KeyValue.pair(CapacityAggregation.regionOf(key).name(), country),
                        Grouped.with("capacity-by-region", Serdes.String(), json(CountryCapacity.class)))
                .aggregate(CapacityAggregation::emptyRegion, CapacityAggregation::addCountry,
                        CapacityAggregation::subtractCountry, Named.as("capacity-region-aggregate"),
                        store(StoreNames.REGION_CAPACITY, RegionCapacity.class));
    }

    private KTable<String, BusinessLocationCapacity> capacityByBusinessLocation(KStream<String, PopChange> popChanges) {
        return popChanges
                .flatMap((popId, change) -> CapacityAggregation.businessLocationDeltas(change),
                        Named.as("capacity-business-location-deltas"))
                .groupByKey(Grouped.with("capacity-by-business-location", Serdes.String(), json(CapacityDelta.class)))
                .aggregate(CapacityAggregation::emptyBusinessLocation, CapacityAggregation::applyToBusinessLocation,
                        Named.as("capacity-business-location-aggregate"),
                        store(StoreNames.BUSINESS_LOCATION_CAPACITY, BusinessLocationCapacity.class));
    }

    /**
     * The single global entry, from the few region entries (cities, countries and capacity add up
     * across regions) and from the business locations (which may span regions, so they are
     * counted on their own and joined in).
     */
    private void globalCapacity(KTable<String, RegionCapacity> regions,
                                KTable<String, BusinessLocationCapacity> businessLocations) {
        var byRegions = regions
                .groupBy((region, total) -> KeyValue.pair(StoreKeys.GLOBAL, total),
                        Grouped.with("capacity-global-by-regions", Serdes.String(), json(RegionCapacity.class)))
                .aggregate(() -> GlobalCapacity.EMPTY,
                        (key, region, total) -> CapacityAggregation.addRegion(region, total),
                        (key, region, total) -> CapacityAggregation.subtractRegion(region, total),
                        Named.as("capacity-global-by-regions-aggregate"),
                        store(StoreNames.GLOBAL_CAPACITY_BY_REGIONS, GlobalCapacity.class));
        var businessLocationCount = businessLocations
                .groupBy((businessLocation, total) -> KeyValue.pair(StoreKeys.GLOBAL, total),
                        Grouped.with("capacity-global-business-locations", Serdes.String(),
                                json(BusinessLocationCapacity.class)))
                .aggregate(() -> 0L, (key, location, count) -> count + 1,
                        (key, location, count) -> count - 1 <= 0 ? null : count - 1,
                        Named.as("capacity-global-business-locations-aggregate"),
                        Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as(StoreNames.BUSINESS_LOCATION_COUNT)
                                .withKeySerde(Serdes.String()).withValueSerde(Serdes.Long())
                                .withStoreType(storeType()));
        byRegions.outerJoin(businessLocationCount, CapacityAggregation::withBusinessLocations,
                Named.as("capacity-global-join"), store(StoreNames.GLOBAL_CAPACITY, GlobalCapacity.class));
    }

    // ---- Alliance --------------------------------------------------------------------------

    private KStream<String, MembershipChange> membershipChanges(StreamsBuilder builder) {
        var kind = new EventKind<PartnerOnboardingEvent>("partnerId",
                EventSerdes.partnerOnboarding(settings.serdeConfig()).deserializer(),
                event -> problems(validator.validate(event)),
                PartnerOnboardingEvent::getPartnerId, PartnerOnboardingEvent::getOccurredAt);
        return validEvents(builder, settings.partnerOnboardingTopic(),
                settings.partnerOnboardingDlqTopic(), "partner-onboarding", kind)
                .process(MembershipStateProcessor.supplier(inMemory()), Named.as("membership-state-apply"));
    }

    private KTable<String, ProgramCountryAlliance> allianceByProgramAndCountry(
            KStream<String, MembershipChange> changes) {
        return changes
                .flatMap((partnerId, change) -> AllianceAggregation.programCountryDeltas(change),
                        Named.as("alliance-program-country-deltas"))
                .groupByKey(Grouped.with("alliance-by-program-country", Serdes.String(), json(AllianceDelta.class)))
                .aggregate(AllianceAggregation::emptyProgramCountry,
                        (key, delta, total) -> AllianceAggregation.applyToProgramCountry(delta, total),
                        Named.as("alliance-program-country-aggregate"),
                        store(StoreNames.PROGRAM_COUNTRY_ALLIANCE, ProgramCountryAlliance.class));
    }

    private void allianceByProgram(KTable<String, ProgramCountryAlliance> programCountries) {
        programCountries
                .groupBy((key, group) -> KeyValue.pair(group.program().name(), group),
                        Grouped.with("alliance-by-program", Serdes.String(), json(ProgramCountryAlliance.class)))
                .aggregate(AllianceAggregation::emptyProgram,
                        (program, group, total) -> AllianceAggregation.addCountry(group, total),
                        (program, group, total) -> AllianceAggregation.subtractCountry(group, total),
                        Named.as("alliance-program-aggregate"),
                        store(StoreNames.PROGRAM_ALLIANCE, ProgramAlliance.class));
    }

    private void allianceByProgramAndRegion(KTable<String, ProgramCountryAlliance> programCountries) {
        programCountries
                .groupBy((key, group) -> KeyValue.pair(AllianceAggregation.programRegionKey(group), group),
                        Grouped.with("alliance-by-program-region", Serdes.String(), json(ProgramCountryAlliance.class)))
                .aggregate(AllianceAggregation::emptyProgramRegion,
                        (key, group, total) -> AllianceAggregation.addToRegion(group, total),
                        (key, group, total) -> AllianceAggregation.subtractFromRegion(group, total),
                        Named.as("alliance-program-region-aggregate"),
                        store(StoreNames.PROGRAM_REGION_ALLIANCE, ProgramRegionAlliance.class));
    }

    /**
     * Distinct partners in any program, counted in two stages so that no single partition sees
     * every partner that joins or leaves: per shard of partners first, then the (cached, so
     * coalesced) shard totals under the global key.
     */
    private void organisations(KStream<String, MembershipChange> changes) {
        changes
                .flatMap((partnerId, change) -> AllianceAggregation.organisationDeltas(change),
                        Named.as("alliance-organisation-deltas"))
                .groupByKey(Grouped.with("alliance-organisations-by-shard", Serdes.String(), Serdes.Long()))
                .aggregate(() -> 0L, (shard, delta, count) -> AllianceAggregation.applyToShard(delta, count),
                        Named.as("alliance-organisations-shard-aggregate"),
                        Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as(StoreNames.ORGANISATION_COUNT_SHARDS)
                                .withKeySerde(Serdes.String()).withValueSerde(Serdes.Long())
                                .withStoreType(storeType()))
                .groupBy((shard, count) -> KeyValue.pair(StoreKeys.GLOBAL, count),
                        Grouped.with("alliance-organisations", Serdes.String(), Serdes.Long()))
                .aggregate(AllianceAggregation::noOrganisations,
                        (key, shard, total) -> AllianceAggregation.addShard(shard, total),
                        (key, shard, total) -> AllianceAggregation.subtractShard(shard, total),
                        Named.as("alliance-organisations-aggregate"),
                        store(StoreNames.ORGANISATION_COUNT, OrganisationCount.class));
    }

    private void growth(KStream<String, MembershipChange> changes) {
        changes
                .flatMap((partnerId, change) -> AllianceAggregation.growthDeltas(change),
                        Named.as("alliance-growth-deltas"))
                .groupByKey(Grouped.with("alliance-growth-by-day", Serdes.String(), json(GrowthDelta.class)))
                .aggregate(AllianceAggregation::noGrowth,
                        (key, delta, day) -> AllianceAggregation.applyToGrowth(delta, day),
                        Named.as("alliance-growth-aggregate"),
                        store(StoreNames.GROWTH, GrowthDay.class));
    }

    // ---- shared steps ----------------------------------------------------------------------

    /**
     * Reads a topic as raw bytes, parses and validates each record in one processor, sends the
     * rejected ones (original bytes, reasons in headers) to the DLQ and returns the valid events.
     */
    private <T> KStream<byte[], T> validEvents(StreamsBuilder builder, String topic, String deadLetterTopic,
                                               String prefix, EventKind<T> kind) {
        Map<String, KStream<byte[], Parsed<T>>> branches = builder
                .stream(topic, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(prefix + "-source"))
                .processValues(() -> new EventParser<>(kind, deadLetterTopic, deadLetters), Named.as(prefix + "-parse"))
                .split(Named.as(prefix + "-"))
                .branch((key, parsed) -> parsed instanceof Parsed.Valid, Branched.as("valid"))
                .defaultBranch(Branched.as("rejected"));
        branches.get(prefix + "-rejected")
                .mapValues(parsed -> ((Parsed.Rejected<T>) parsed).rawValue(), Named.as(prefix + "-dlq-value"))
                .to(deadLetterTopic, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(prefix + "-dlq-sink"));
        return branches.get(prefix + "-valid")
                .mapValues(parsed -> ((Parsed.Valid<T>) parsed).event(), Named.as(prefix + "-valid-event"));
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
