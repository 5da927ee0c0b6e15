package com.cmobile.ecosystem.app.query;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.cmobile.ecosystem.app.topology.model.BusinessLocationCapacity;
import com.cmobile.ecosystem.app.topology.model.CityCapacity;
import com.cmobile.ecosystem.app.topology.model.CountryCapacity;
import com.cmobile.ecosystem.app.topology.model.GlobalCapacity;
import com.cmobile.ecosystem.app.topology.model.PopState;
import com.cmobile.ecosystem.app.topology.model.RegionCapacity;
import com.cmobile.ecosystem.app.topology.model.StoreKeys;
import com.cmobile.ecosystem.geo.Countries;
import com.cmobile.ecosystem.geo.Region;

/**
 * Every capacity aggregate over a set of PoP states (those as of one instant), keyed as the
 * capacity stores are, so lists page the same way. Pure: the same sums and distinct counts as the
 * topology's roll-up, over the states given.
 */
public final class CapacitySnapshot {

    private final List<PopState> active;

    private CapacitySnapshot(List<PopState> active) {
        this.active = active;
    }

    /** Over {@code states}; the ended ones count nothing. */
    public static CapacitySnapshot of(Collection<PopState> states) {
        return new CapacitySnapshot(states.stream().filter(PopState::active).toList());
    }

    public GlobalCapacity global() {
        return figures(active);
    }

    /** Capacity, PoPs and distinct cities, countries and business locations of some active states. */
    public static GlobalCapacity figures(Collection<PopState> active) {
        return new GlobalCapacity(active.stream().mapToLong(PopState::capacityMbps).sum(), active.size(),
                distinct(active, PopState::cityKey), distinct(active, PopState::country),
                distinct(active, PopState::businessLocation));
    }

    public NavigableMap<String, RegionCapacity> regions() {
        return group(pop -> regionOf(pop).name(), (key, pops) -> {
            var f = figures(pops);
            return new RegionCapacity(Region.valueOf(key), f.capacityMbps(), f.activePops(), f.cities(), f.countries());
        });
    }

    public NavigableMap<String, CountryCapacity> countries() {
        return group(PopState::country, (key, pops) -> {
            var f = figures(pops);
            return new CountryCapacity(key, f.capacityMbps(), f.activePops(), f.cities());
        });
    }

    /** The cities of one country, keyed {@code COUNTRY|city}; each named as its latest PoP state spells it. */
    public NavigableMap<String, CityCapacity> cities(String country) {
        return group(PopState::cityKey, pop -> pop.country().equals(country), (key, pops) -> {
            var f = figures(pops);
            var latest = pops.stream().max(Comparator.comparing(PopState::occurredAt)
                    .thenComparing(PopState::popId)).orElseThrow();
            return new CityCapacity(latest.country(), latest.city(), f.capacityMbps(), f.activePops());
        });
    }

    public Optional<CityCapacity> city(String country, String city) {
        return Optional.ofNullable(cities(country).get(StoreKeys.city(country, city)));
    }

    public NavigableMap<String, BusinessLocationCapacity> businessLocations() {
        return group(PopState::businessLocation, (key, pops) -> {
            var f = figures(pops);
            return new BusinessLocationCapacity(key, f.capacityMbps(), f.activePops());
        });
    }

    public static Region regionOf(PopState pop) {
        return regionOf(pop.country());
    }

    /**
     * The UN M49 region every answer files a country under; a code without one (none passes
     * validation) under {@link Region#ANTARCTICA}.
     */
    public static Region regionOf(String country) {
        return Countries.regionOf(country).orElse(Region.ANTARCTICA);
    }

    private <T> NavigableMap<String, T> group(Function<PopState, String> key,
                                              BiFunction<String, List<PopState>, T> total) {
        return group(key, pop -> true, total);
    }

    private <T> NavigableMap<String, T> group(Function<PopState, String> key, Predicate<PopState> in,
                                              BiFunction<String, List<PopState>, T> total) {
        var groups = active.stream().filter(in).collect(Collectors.groupingBy(key));
        var result = new TreeMap<String, T>(KeyOrder.COMPARATOR);
        groups.forEach((k, pops) -> result.put(k, total.apply(k, pops)));
        return result;
    }

    private static long distinct(Collection<PopState> pops, Function<PopState, String> key) {
        var seen = new HashSet<String>();
        pops.forEach(pop -> seen.add(key.apply(pop)));
        return seen.size();
    }
}
