package com.cmobile.ecosystem.app.query;

import java.util.List;

import com.cmobile.ecosystem.app.topology.StoreNames;
import com.cmobile.ecosystem.app.topology.model.BusinessLocationCapacity;
import com.cmobile.ecosystem.app.topology.model.CityCapacity;
import com.cmobile.ecosystem.app.topology.model.CountryCapacity;
import com.cmobile.ecosystem.app.topology.model.GlobalCapacity;
import com.cmobile.ecosystem.app.topology.model.ModelJson;
import com.cmobile.ecosystem.app.topology.model.PopState;
import com.cmobile.ecosystem.app.topology.model.RegionCapacity;
import com.cmobile.ecosystem.app.topology.model.StoreKeys;
import com.cmobile.ecosystem.geo.Countries;
import com.cmobile.ecosystem.geo.Region;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * PoP capacity questions, answered from the capacity stores of whichever instances hold them.
 * Reads {@code city-capacity-store} (countries, regions and the world are added up from it when
 * asked: {@link CapacityRollUp}), {@code business-location-capacity-store} and {@code pop-state-store}.
 */
public final class CapacityQueries {

    private final ClusterQueries stores;
    private final ObjectMapper mapper;
    // The roll-ups read a whole store and parse each entry: concurrent askers share one (SharedReads).
    private final SharedReads<QueryOptions, Answer<GlobalCapacity>> globals = new SharedReads<>();
    private final SharedReads<RollUpKey, Answer<StoreScan<CapacityRollUp>>> rollUps = new SharedReads<>();

    private record RollUpKey(KeyRange range, QueryOptions options) {
    }

    public CapacityQueries(ClusterQueries stores, ObjectMapper mapper) {
        this.stores = stores;
        this.mapper = mapper;
    }

    /** Worldwide totals; zeros when no PoP is active. */
    public Answer<GlobalCapacity> global(QueryOptions options) {
        return globals.get(options, () -> cities(KeyRange.ALL, options).flatMap(cities ->
                stores.scan(StoreNames.BUSINESS_LOCATION_CAPACITY, KeyRange.ALL, options).map(locations ->
                        CapacityRollUp.of(cities.value(), locations.value().size()).global())));
    }

    public Answer<Page<RegionCapacity>> regions(PageRequest page, QueryOptions options) {
        return rollUp(KeyRange.ALL, options).map(s -> s.page(s.value().regions(), page));
    }

    public Answer<RegionCapacity> region(Region region, QueryOptions options) {
        return rollUp(KeyRange.ALL, options).flatMap(s -> s.found(s.value().regions().get(region.name()),
                "no active PoP in region " + region.name()));
    }

    public Answer<Page<CountryCapacity>> countries(PageRequest page, QueryOptions options) {
        return rollUp(KeyRange.ALL, options).map(s -> s.page(s.value().countries(), page));
    }

    /** One country, from its cities only. */
    public Answer<CountryCapacity> country(String country, QueryOptions options) {
        return rollUp(ofCountry(country), options).flatMap(s -> s.found(s.value().countries().get(country),
                "no active PoP in country " + country));
    }

    /** The cities in {@code range} of {@code city-capacity-store}, every page of every instance. */
    private Answer<StoreScan<List<CityCapacity>>> cities(KeyRange range, QueryOptions options) {
        return stores.scan(StoreNames.CITY_CAPACITY, range, options).map(scan -> scan.with(scan.value().stream()
                .map(e -> ModelJson.read(mapper, e.value(), CityCapacity.class)).toList()));
    }

    /** Countries and regions, added up from the cities in {@code range} (business locations are not counted). */
    private Answer<StoreScan<CapacityRollUp>> rollUp(KeyRange range, QueryOptions options) {
        return rollUps.get(new RollUpKey(range, options),
                () -> cities(range, options).map(scan -> scan.with(CapacityRollUp.of(scan.value(), 0))));
    }

    /** The cities of one country share the key prefix {@code COUNTRY|}. */
    private static KeyRange ofCountry(String country) {
        return KeyRange.prefix(country + StoreKeys.SEPARATOR);
    }

    /** The cities of one country: their keys share the prefix {@code COUNTRY|}. */
    public Answer<Page<CityCapacity>> cities(String country, PageRequest page, QueryOptions options) {
        return stores.list(StoreNames.CITY_CAPACITY, ofCountry(country), page, options)
                .map(p -> p.map(e -> ModelJson.read(mapper, e.value(), CityCapacity.class)));
    }

    /** A city, its name matched ignoring case and surrounding blanks. */
    public Answer<CityCapacity> city(String country, String city, QueryOptions options) {
        return stores.get(StoreNames.CITY_CAPACITY, StoreKeys.city(country, city), options)
                .notFoundAs("no active PoP in city '" + StoreKeys.normaliseCity(city) + "' of " + country)
                .map(json -> ModelJson.read(mapper, json, CityCapacity.class));
    }

    /** The business locations with an active PoP, by name. */
    public Answer<Page<BusinessLocationCapacity>> businessLocations(PageRequest page, QueryOptions options) {
        return stores.list(StoreNames.BUSINESS_LOCATION_CAPACITY, KeyRange.ALL, page, options)
                .map(p -> p.map(e -> ModelJson.read(mapper, e.value(), BusinessLocationCapacity.class)));
    }

    /** A business location, its name matched exactly after trimming (as the topology keys it). */
    public Answer<BusinessLocationCapacity> businessLocation(String name, QueryOptions options) {
        return stores.get(StoreNames.BUSINESS_LOCATION_CAPACITY, name.strip(), options)
                .notFoundAs("no active PoP of business location '" + name.strip() + "'")
                .map(json -> ModelJson.read(mapper, json, BusinessLocationCapacity.class));
    }

    /** An active PoP; a decommissioned one is kept in the store but is not found here. */
    public Answer<PopView> pop(String popId, QueryOptions options) {
        return stores.get(StoreNames.POP_STATE, popId, options)
                .notFoundAs("no PoP '" + popId + "'")
                .map(json -> ModelJson.read(mapper, json, PopState.class))
                .filter(PopState::active, state -> "PoP '" + popId + "' was decommissioned at " + state.occurredAt())
                .map(CapacityQueries::view);
    }

    static PopView view(PopState state) {
        Region region = CapacitySnapshot.regionOf(state.country());
        return new PopView(state.popId(), state.city(), state.country(), region, state.businessLocation(),
                state.capacityMbps(), state.occurredAt());
    }
}
