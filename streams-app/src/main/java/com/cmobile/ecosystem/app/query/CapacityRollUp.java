package com.cmobile.ecosystem.app.query;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

import com.cmobile.ecosystem.app.topology.model.CityCapacity;
import com.cmobile.ecosystem.app.topology.model.CountryCapacity;
import com.cmobile.ecosystem.app.topology.model.GlobalCapacity;
import com.cmobile.ecosystem.app.topology.model.RegionCapacity;
import com.cmobile.ecosystem.geo.Region;

/**
 * The capacity aggregates above the city, added up when asked: countries, regions and the world
 * from the entries of {@code city-capacity-store} (a few hundred), and the number of business
 * locations from {@code business-location-capacity-store}. They used to be three more levels of
 * the topology, each a repartition topic, a changelog and a commit interval of delay, for a few
 * hundred keys. Keyed as the stores were, so lists page the same way.
 */
public final class CapacityRollUp {

    private final List<CityCapacity> cities;
    private final long businessLocations;
    // Added up once: a roll-up is shared by the concurrent requests that asked for it (SharedReads).
    private final NavigableMap<String, CountryCapacity> countries;
    private final NavigableMap<String, RegionCapacity> regions;

    private CapacityRollUp(List<CityCapacity> cities, long businessLocations) {
        this.cities = cities;
        this.businessLocations = businessLocations;
        this.countries = Collections.unmodifiableNavigableMap(addUpCountries());
        this.regions = Collections.unmodifiableNavigableMap(addUpRegions());
    }

    /** Over the cities with an active PoP and the count of business locations with one. */
    public static CapacityRollUp of(Collection<CityCapacity> cities, long businessLocations) {
        return new CapacityRollUp(List.copyOf(cities), businessLocations);
    }

    public GlobalCapacity global() {
        if (cities.isEmpty() && businessLocations == 0) {
            return GlobalCapacity.EMPTY;
        }
        Set<String> countries = new HashSet<>();
        long capacity = 0;
        long pops = 0;
        for (CityCapacity city : cities) {
            capacity += city.capacityMbps();
            pops += city.activePops();
            countries.add(city.country());
        }
        return new GlobalCapacity(capacity, pops, cities.size(), countries.size(), businessLocations);
    }

    /** The countries, in key order (unmodifiable). */
    public NavigableMap<String, CountryCapacity> countries() {
        return countries;
    }

    /** The regions, in key order (unmodifiable). */
    public NavigableMap<String, RegionCapacity> regions() {
        return regions;
    }

    private NavigableMap<String, CountryCapacity> addUpCountries() {
        var countries = new TreeMap<String, CountryCapacity>(KeyOrder.COMPARATOR);
        for (CityCapacity city : cities) {
            countries.merge(city.country(), new CountryCapacity(city.country(), city.capacityMbps(), city.activePops(), 1),
                    (a, b) -> new CountryCapacity(a.country(), a.capacityMbps() + b.capacityMbps(),
                            a.activePops() + b.activePops(), a.cities() + b.cities()));
        }
        return countries;
    }

    private NavigableMap<String, RegionCapacity> addUpRegions() {
        Map<Region, Set<String>> countries = new HashMap<>();
        var regions = new TreeMap<String, RegionCapacity>(KeyOrder.COMPARATOR);
        for (CityCapacity city : cities) {
            Region region = CapacitySnapshot.regionOf(city.country());
            countries.computeIfAbsent(region, r -> new HashSet<>()).add(city.country());
            regions.merge(region.name(), new RegionCapacity(region, city.capacityMbps(), city.activePops(), 1, 0),
                    (a, b) -> new RegionCapacity(region, a.capacityMbps() + b.capacityMbps(),
                            a.activePops() + b.activePops(), a.cities() + b.cities(), 0));
        }
        regions.replaceAll((name, r) -> new RegionCapacity(r.region(), r.capacityMbps(), r.activePops(), r.cities(),
                countries.get(r.region()).size()));
        return regions;
    }
}
