package com.cmobile.ecosystem.app.metrics;

import com.cmobile.ecosystem.app.query.AllianceQueries;
import com.cmobile.ecosystem.app.query.AllianceRollUp;
import com.cmobile.ecosystem.app.query.CapacityRollUp;
import com.cmobile.ecosystem.app.query.KeyRange;
import com.cmobile.ecosystem.app.query.LocalReader;
import com.cmobile.ecosystem.app.query.RangeReply;
import com.cmobile.ecosystem.app.query.StoreEntry;
import com.cmobile.ecosystem.app.topology.StoreNames;
import com.cmobile.ecosystem.app.topology.model.CityCapacity;
import com.cmobile.ecosystem.app.topology.model.GlobalCapacity;
import com.cmobile.ecosystem.app.topology.model.ModelJson;
import com.cmobile.ecosystem.app.topology.model.ProgramAlliance;
import com.cmobile.ecosystem.app.topology.model.ProgramCountryAlliance;
import com.cmobile.ecosystem.events.Program;
import com.cmobile.ecosystem.geo.Region;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Business gauges read from this instance's stores, over the partitions whose ACTIVE task it hosts
 * only: each key is counted by exactly one instance, so a PromQL {@code sum} across instances is the
 * global figure. An instance that hosts none of a store's keys reports 0. Store reads are cached for
 * {@code maxAge}, since a scrape reads every gauge.
 */
public final class BusinessGauges implements MeterBinder {

    private final LocalReader local;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Duration maxAge;
    private volatile Snapshot snapshot;

    public BusinessGauges(LocalReader local, ObjectMapper mapper, Clock clock, Duration maxAge) {
        this.local = local;
        this.mapper = mapper;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "ecosystem.capacity.mbps", "International capacity of the active PoPs, in Mbps",
                s -> s.global().capacityMbps());
        gauge(registry, "ecosystem.active.pops", "Active PoPs", s -> s.global().activePops());
        gauge(registry, "ecosystem.cities", "Cities with at least one active PoP", s -> s.global().cities());
        gauge(registry, "ecosystem.business.locations", "Business locations with at least one active PoP",
                s -> s.global().businessLocations());
        for (Region region : Region.values()) {
            Gauge.builder("ecosystem.region.capacity.mbps", this, g -> g.current().regionCapacities().getOrDefault(region, 0L).doubleValue())
                    .description("International capacity of the region's active PoPs, in Mbps")
                    .strongReference(true)
                    .tag("region", region.name())
                    .register(registry);
        }
        for (Program program : AllianceQueries.PROGRAMS) {
            programGauge(registry, "ecosystem.program.members", "Members of the program", program, ProgramAlliance::members);
            programGauge(registry, "ecosystem.program.partners", "Partners of the program", program, ProgramAlliance::partners);
            programGauge(registry, "ecosystem.program.subscribers", "Subscribers served by the program's partners",
                    program, ProgramAlliance::subscribers);
        }
    }

    private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<Snapshot> value) {
        Gauge.builder(name, this, g -> value.applyAsDouble(g.current())).description(description)
                .strongReference(true).register(registry);
    }

    private void programGauge(MeterRegistry registry, String name, String description, Program program,
                              ToDoubleFunction<ProgramAlliance> value) {
        Gauge.builder(name, this, g -> Optional.ofNullable(g.current().programs().get(program))
                        .map(value::applyAsDouble).orElse(0.0))
                .description(description)
                .strongReference(true)
                .tag("program", program.name())
                .register(registry);
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        if (current == null || current.takenAt().plus(maxAge).isBefore(now)) {
            current = read(now);
            snapshot = current;
        }
        return current;
    }

    /**
     * The query layer's roll-ups over this instance's cities, business locations and (program,
     * country) groups: each of those keys lives on one instance, so the sums add up across instances.
     */
    private Snapshot read(Instant now) {
        var capacity = CapacityRollUp.of(activeEntries(StoreNames.CITY_CAPACITY).stream()
                        .map(entry -> ModelJson.read(mapper, entry.value(), CityCapacity.class)).toList(),
                activeEntries(StoreNames.BUSINESS_LOCATION_CAPACITY).size());
        var alliance = AllianceRollUp.of(activeEntries(StoreNames.PROGRAM_COUNTRY_ALLIANCE).stream()
                .map(entry -> ModelJson.read(mapper, entry.value(), ProgramCountryAlliance.class)).toList());
        Map<Program, ProgramAlliance> programs = new EnumMap<>(Program.class);
        AllianceQueries.PROGRAMS.forEach(program -> programs.put(program, alliance.program(program)));
        Map<Region, Long> regions = new EnumMap<>(Region.class);
        capacity.regions().values().forEach(region -> regions.put(region.region(), region.capacityMbps()));
        return new Snapshot(now, capacity.global(), programs, regions);
    }

    /** Entries of the local partitions whose active task is here; standby and restoring ones are left out. */
    private List<StoreEntry> activeEntries(String store) {
        RangeReply reply = local.range(store, KeyRange.ALL, Optional.empty(), Integer.MAX_VALUE - 1, false);
        return reply.slices().stream().filter(RangeReply.Slice::active).flatMap(s -> s.entries().stream()).toList();
    }

    /**
     * What this instance holds; {@code global.countries} and a program's countries are not gauges
     * (a country's cities, or a program's, may be on several instances).
     */
    private record Snapshot(Instant takenAt, GlobalCapacity global, Map<Program, ProgramAlliance> programs,
                            Map<Region, Long> regionCapacities) {
    }
}
