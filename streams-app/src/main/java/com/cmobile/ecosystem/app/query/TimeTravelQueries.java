package com.cmobile.ecosystem.app.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

import com.cmobile.ecosystem.app.topology.StoreNames;
import com.cmobile.ecosystem.app.topology.model.BusinessLocationCapacity;
import com.cmobile.ecosystem.app.topology.model.CityCapacity;
import com.cmobile.ecosystem.app.topology.model.CountryCapacity;
import com.cmobile.ecosystem.app.topology.model.GlobalCapacity;
import com.cmobile.ecosystem.app.topology.model.MembershipState;
import com.cmobile.ecosystem.app.topology.model.ModelJson;
import com.cmobile.ecosystem.app.topology.model.PartnerMemberships;
import com.cmobile.ecosystem.app.topology.model.PopState;
import com.cmobile.ecosystem.app.topology.model.ProgramAlliance;
import com.cmobile.ecosystem.app.topology.model.ProgramRegionAlliance;
import com.cmobile.ecosystem.app.topology.model.RegionCapacity;
import com.cmobile.ecosystem.app.topology.model.StoreKeys;
import com.cmobile.ecosystem.events.Program;
import com.cmobile.ecosystem.geo.Region;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every question as of an instant in the past, and series over time, answered from the histories
 * of the keys ({@code pop-history-store}, {@code membership-history-store}: one entry per key and
 * distinct occurredAt): the state of each key as of the instant is its latest version not after it,
 * and the aggregates are taken over those states ({@link CapacitySnapshot}, {@link AllianceSnapshot}).
 * A key route reads one key's versions (a prefix scan, fanned out); an aggregate reads every
 * history of its side, from whichever instances hold them.
 */
public final class TimeTravelQueries {

    private final ClusterQueries stores;
    private final ObjectMapper mapper;

    public TimeTravelQueries(ClusterQueries stores, ObjectMapper mapper) {
        this.stores = stores;
        this.mapper = mapper;
    }

    // ---- capacity --------------------------------------------------------------------------

    public Answer<GlobalCapacity> global(Instant at, QueryOptions options) {
        return capacity(at, options).map(s -> s.value().global());
    }

    public Answer<Page<RegionCapacity>> regions(Instant at, PageRequest page, QueryOptions options) {
        return capacity(at, options).map(s -> s.page(s.value().regions(), page));
    }

    public Answer<RegionCapacity> region(Region region, Instant at, QueryOptions options) {
        return capacity(at, options).flatMap(s -> s.found(s.value().regions().get(region.name()),
                "no active PoP in region " + region.name() + " as of " + at));
    }

    public Answer<Page<CountryCapacity>> countries(Instant at, PageRequest page, QueryOptions options) {
        return capacity(at, options).map(s -> s.page(s.value().countries(), page));
    }

    public Answer<CountryCapacity> country(String country, Instant at, QueryOptions options) {
        return capacity(at, options).flatMap(s -> s.found(s.value().countries().get(country),
                "no active PoP in country " + country + " as of " + at));
    }

    public Answer<Page<CityCapacity>> cities(String country, Instant at, PageRequest page, QueryOptions options) {
        return capacity(at, options).map(s -> s.page(s.value().cities(country), page));
    }

    public Answer<CityCapacity> city(String country, String city, Instant at, QueryOptions options) {
        return capacity(at, options).flatMap(s -> s.found(s.value().city(country, city).orElse(null),
                "no active PoP in city '" + StoreKeys.normaliseCity(city) + "' of " + country + " as of " + at));
    }

    public Answer<Page<BusinessLocationCapacity>> businessLocations(Instant at, PageRequest page, QueryOptions options) {
        return capacity(at, options).map(s -> s.page(s.value().businessLocations(), page));
    }

    public Answer<BusinessLocationCapacity> businessLocation(String name, Instant at, QueryOptions options) {
        return capacity(at, options).flatMap(s -> s.found(s.value().businessLocations().get(name.strip()),
                "no active PoP of business location '" + name.strip() + "' as of " + at));
    }

    /** A PoP as it was: not found before its first event and while decommissioned. */
    public Answer<PopView> pop(String popId, Instant at, QueryOptions options) {
        return only(pops(KeyRange.prefix(StoreKeys.versionsOf(popId)), options), h -> h.popId().equals(popId),
                "no PoP '" + popId + "'")
                .map(history -> history.asOf(at))
                .filter(Optional::isPresent, none -> "no PoP '" + popId + "' as of " + at)
                .map(Optional::get)
                .filter(PopState::active, state -> "PoP '" + popId + "' was decommissioned at " + state.occurredAt())
                .map(CapacityQueries::view);
    }

    /**
     * Capacity at the end of each period from {@code from} (default: the first PoP event) to
     * {@code to}, of the PoPs {@code in} some place.
     *
     * @throws IllegalArgumentException when the range is reversed or has more than {@link Periods#MAX_POINTS}
     */
    public Answer<CapacitySeries> capacitySeries(Periods by, Optional<Instant> from, Instant to,
                                                 Predicate<PopState> in, QueryOptions options) {
        return pops(KeyRange.ALL, options).map(scan -> {
            var periods = by.between(from.orElseGet(() -> first(scan.value(), PopHistory::firstEvent, to)), to);
            var points = new ArrayList<CapacitySeries.Point>(periods.size());
            var states = new ArrayList<PopState>();
            for (Periods.Period period : periods) {
                states.clear();
                for (PopHistory history : scan.value()) {
                    history.asOf(period.end()).filter(PopState::active).filter(in).ifPresent(states::add);
                }
                var f = CapacitySnapshot.figures(states);
                points.add(new CapacitySeries.Point(period.start(), f.capacityMbps(), f.activePops(), f.cities(),
                        f.countries(), f.businessLocations()));
            }
            return new CapacitySeries(by.label(), points);
        });
    }

    // ---- alliance --------------------------------------------------------------------------

    public Answer<AllianceView> alliance(Instant at, QueryOptions options) {
        return memberships(at, options).map(s -> s.value().alliance(AllianceQueries.PROGRAMS));
    }

    public Answer<ProgramAlliance> program(Program program, Instant at, QueryOptions options) {
        return memberships(at, options).map(s -> s.value().program(program));
    }

    public Answer<Page<ProgramRegionAlliance>> programRegions(Program program, Instant at, PageRequest page,
                                                              QueryOptions options) {
        return memberships(at, options).map(s -> s.page(s.value().regions(program), page));
    }

    public Answer<Page<MembershipView>> programPartners(Program program, Instant at, PageRequest page,
                                                        QueryOptions options) {
        return memberships(at, options).map(s -> {
            var views = new TreeMap<String, MembershipView>(KeyOrder.COMPARATOR);
            s.value().members(program).forEach((partnerId, m) -> views.put(partnerId, AllianceQueries.view(partnerId, m)));
            return s.page(views, page);
        });
    }

    /** A partner's memberships as they were: not found when it had none active then. */
    public Answer<PartnerView> partner(String partnerId, Instant at, QueryOptions options) {
        return only(partners(KeyRange.prefix(StoreKeys.versionsOf(partnerId)), options),
                h -> h.partnerId().equals(partnerId), "no partner '" + partnerId + "'")
                .map(history -> history.asOf(at))
                .filter(PartnerMemberships::isOrganisation, p -> "partner '" + partnerId + "' had no membership as of " + at)
                .map(AllianceQueries::view);
    }

    /**
     * A program at the end of each period from {@code from} (default: the program's first event) to
     * {@code to}, with the memberships begun and ended within each period: a membership begins at a
     * version that is active after one that is not (or after none) and ends at an ended version after
     * an active one.
     *
     * @throws IllegalArgumentException when the range is reversed or has more than {@link Periods#MAX_POINTS}
     */
    public Answer<ProgramSeries> programSeries(Program program, Periods by, Optional<Instant> from, Instant to,
                                               QueryOptions options) {
        return partners(KeyRange.ALL, options).map(scan -> {
            var histories = scan.value().stream().filter(h -> !h.of(program).isEmpty()).toList();
            var periods = by.between(from.orElseGet(() -> first(histories, h -> h.firstEvent(program), to)), to);
            long[] joined = new long[periods.size()];
            long[] left = new long[periods.size()];
            countBeginningsAndEnds(histories, program, periods, joined, left);
            var points = new ArrayList<ProgramSeries.Point>(periods.size());
            var active = new ArrayList<MembershipState>();
            for (int i = 0; i < periods.size(); i++) {
                active.clear();
                for (PartnerHistory history : histories) {
                    history.asOf(periods.get(i).end()).membership(program).filter(MembershipState::active)
                            .ifPresent(active::add);
                }
                var f = AllianceSnapshot.figures(program, active);
                points.add(new ProgramSeries.Point(periods.get(i).start(), f.members(), f.partners(), f.subscribers(),
                        f.countries(), joined[i], left[i]));
            }
            return new ProgramSeries(program, by.label(), points);
        });
    }

    /**
     * Joins and departures per UTC day from {@code from} to {@code to}, both included, zeros on quiet
     * days: the memberships begun and ended as {@link #programSeries} counts them by day, so a
     * backfill counts on its own day whenever it arrives.
     *
     * @throws IllegalArgumentException when the range is reversed or has more than {@link Periods#MAX_POINTS} days
     */
    public Answer<GrowthView> growth(Program program, LocalDate from, LocalDate to, QueryOptions options) {
        var periods = Periods.DAY.between(from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to.atStartOfDay(ZoneOffset.UTC).toInstant());
        return partners(KeyRange.ALL, options).map(scan -> {
            long[] joined = new long[periods.size()];
            long[] left = new long[periods.size()];
            countBeginningsAndEnds(scan.value(), program, periods, joined, left);
            var days = new ArrayList<GrowthView.Day>(periods.size());
            for (int i = 0; i < periods.size(); i++) {
                days.add(new GrowthView.Day(periods.get(i).start(), joined[i], left[i]));
            }
            return new GrowthView(program, days);
        });
    }

    // ---- shared ----------------------------------------------------------------------------

    /**
     * Adds to {@code joined} and {@code left}, by period, the memberships of {@code program} that
     * begin (an active version after an inactive one or none) and end (an inactive version after an
     * active one) in the histories, taken in time order.
     */
    private static void countBeginningsAndEnds(List<PartnerHistory> histories, Program program,
                                               List<Periods.Period> periods, long[] joined, long[] left) {
        for (PartnerHistory history : histories) {
            boolean wasActive = false;
            for (MembershipState version : history.of(program)) {
                if (version.active() != wasActive) {
                    int index = periodOf(periods, version.occurredAt());
                    if (index >= 0) {
                        (version.active() ? joined : left)[index]++;
                    }
                }
                wasActive = version.active();
            }
        }
    }

    private Answer<StoreScan<CapacitySnapshot>> capacity(Instant at, QueryOptions options) {
        return pops(KeyRange.ALL, options).map(scan -> scan.with(CapacitySnapshot.of(
                scan.value().stream().flatMap(h -> h.asOf(at).stream()).toList())));
    }

    private Answer<StoreScan<AllianceSnapshot>> memberships(Instant at, QueryOptions options) {
        return partners(KeyRange.ALL, options).map(scan -> scan.with(
                AllianceSnapshot.of(scan.value().stream().map(h -> h.asOf(at)).toList())));
    }

    /**
     * The one history of a key's prefix scan: the scan may also hold ids that extend it with a
     * separator ({@code pop-1|x} for {@code pop-1}).
     */
    private static <H> Answer<H> only(Answer<StoreScan<List<H>>> scanned, Predicate<H> isTheKey, String notFound) {
        return scanned.flatMap(scan -> scan.value().stream().filter(isTheKey).findFirst()
                .<Answer<H>>map(history -> new Answer.Found<>(history, scan.provenance()))
                .orElseGet(() -> new Answer.NotFound<>(notFound)));
    }

    private static int periodOf(List<Periods.Period> periods, Instant at) {
        if (periods.isEmpty() || at.isBefore(periods.get(0).startInstant())
                || !at.isBefore(periods.get(periods.size() - 1).next())) {
            return -1;
        }
        int low = 0;
        int high = periods.size() - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (at.isBefore(periods.get(middle).startInstant())) {
                high = middle - 1;
            } else {
                low = middle;
            }
        }
        return low;
    }

    private static <H> Instant first(Collection<H> histories, Function<H, Optional<Instant>> firstEvent,
                                     Instant otherwise) {
        return histories.stream().map(firstEvent).flatMap(Optional::stream).min(Instant::compareTo)
                .orElse(otherwise);
    }

    /** The histories of the PoPs with a version in {@code range} of {@code pop-history-store}. */
    private Answer<StoreScan<List<PopHistory>>> pops(KeyRange range, QueryOptions options) {
        return entries(StoreNames.POP_HISTORY, range, options).map(scan -> {
            var byPop = new LinkedHashMap<String, List<PopState>>();
            for (StoreEntry entry : scan.value()) {
                byPop.computeIfAbsent(StoreKeys.idOfVersion(entry.key()), id -> new ArrayList<>())
                        .add(ModelJson.read(mapper, entry.value(), PopState.class));
            }
            return scan.with(byPop.entrySet().stream().map(e -> new PopHistory(e.getKey(), e.getValue())).toList());
        });
    }

    /** The histories of the partners with a version in {@code range} of {@code membership-history-store}. */
    private Answer<StoreScan<List<PartnerHistory>>> partners(KeyRange range, QueryOptions options) {
        return entries(StoreNames.MEMBERSHIP_HISTORY, range, options).map(scan -> {
            var byPartner = new LinkedHashMap<String, Map<Program, List<MembershipState>>>();
            for (StoreEntry entry : scan.value()) {
                MembershipState version = ModelJson.read(mapper, entry.value(), MembershipState.class);
                byPartner.computeIfAbsent(StoreKeys.partnerOfVersion(entry.key()), id -> new EnumMap<>(Program.class))
                        .computeIfAbsent(version.program(), p -> new ArrayList<>()).add(version);
            }
            return scan.with(byPartner.entrySet().stream()
                    .map(e -> new PartnerHistory(e.getKey(), e.getValue())).toList());
        });
    }

    private Answer<StoreScan<List<StoreEntry>>> entries(String store, KeyRange range, QueryOptions options) {
        return stores.scan(store, range, options);
    }
}
