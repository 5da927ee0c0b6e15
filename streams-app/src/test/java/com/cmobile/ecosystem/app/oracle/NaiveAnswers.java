package com.cmobile.ecosystem.app.oracle;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import com.cmobile.ecosystem.events.PartnerRole;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.events.Program;
import com.cmobile.ecosystem.geo.Countries;
import com.cmobile.ecosystem.geo.Region;
import com.cmobile.ecosystem.validation.EventValidator;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the HTTP API must answer after the events applied here, recomputed the naive way from the
 * README's rules and written without the topology's code (two independent computations that agree
 * are the check): an event the validator rejects, or whose record key is not its id, changes
 * nothing (the app dead-letters it); the state of a key (a PoP; a partner in one program) is set by
 * its event with the latest occurredAt, a tie going to the event applied later; DECOMMISSIONED and
 * LEFT end it and are remembered, so an older event cannot revive it; every aggregate is recomputed
 * from all states. Growth counts, per program and UTC day, the memberships that began or ended in
 * each membership's history taken in time order (its valid events by occurredAt, a tie going to
 * the one applied later), so a backfill counts on its own day whenever it arrives: a membership
 * begins at an active version that follows an inactive one or none, and ends at an inactive
 * version that follows an active one. Only ties of occurredAt depend on the order of arrival;
 * {@link Growth#LEFT_OUT} leaves growth out of the answers.
 *
 * <p>Used by the broker-backed ITs, the property that checks it against the real topology and
 * query layer, and the benchmarks. Not thread-safe: apply and ask on one thread, or hand it over
 * through something that orders the two (a joined thread, a completed future).
 */
public final class NaiveAnswers {

    /** Whether {@link #answers} covers the growth routes. */
    public enum Growth { INCLUDED, LEFT_OUT }

    /** The largest page the API serves: lists are walked in pages of this size unless asked otherwise. */
    public static final int LARGEST_PAGE = 1000;
    /** The longest range of days one growth request may ask for. */
    static final int LONGEST_GROWTH_RANGE = 1000;
    /** The most points one series request may ask for. */
    static final int LONGEST_SERIES = 1000;
    /** Store keys, and so every list, are in the order of their UTF-8 bytes, unsigned. */
    static final Comparator<String> KEY_ORDER = (a, b) -> Arrays.compareUnsigned(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private record Pop(boolean active, String city, String country, String businessLocation, long capacityMbps,
                       Instant occurredAt) {
        String cityKey() {
            return NaiveAnswers.cityKey(country, city);
        }

        String region() {
            return regionOf(country);
        }
    }

    private record Membership(boolean active, PartnerRole role, String country, long subscribers,
                              String partnerName, Instant occurredAt) {
    }

    /** A city spelt as an event spelt it: the app matches the name ignoring case and surrounding blanks. */
    public record City(String country, String name) {
    }

    private final EventValidator validator;
    private final boolean keepsHistory;
    private final Map<String, Pop> pops = new HashMap<>();
    private final Map<String, Map<Program, Membership>> partners = new HashMap<>();
    /** Per partner and program, whether each version (by occurredAt) is active: growth comes from these. */
    private final Map<String, Map<Program, NavigableMap<Instant, Boolean>>> membershipVersions = new HashMap<>();
    private final Set<String> popIds = new TreeSet<>();
    private final Set<String> partnerIds = new TreeSet<>();
    private final Set<String> countries = new TreeSet<>();
    private final Set<City> cities = new LinkedHashSet<>();
    private final Set<String> businessLocationNames = new TreeSet<>();
    /** Every valid event of each key, in the order applied: the states as of any instant come from these. */
    private final Map<String, List<PopCapacityEvent>> popEvents = new HashMap<>();
    private final Map<String, List<PartnerOnboardingEvent>> partnerEvents = new HashMap<>();
    private LocalDate firstDay;
    private LocalDate lastDay;
    private long rejected;

    /** Validates as the app does by default: the system clock, five minutes of tolerance for the future. */
    public NaiveAnswers() {
        this(EventValidator.withDefaults());
    }

    /** Validates with {@code validator}: give it the app's clock and future tolerance. */
    public NaiveAnswers(EventValidator validator) {
        this(validator, false);
    }

    private NaiveAnswers(EventValidator validator, boolean keepsHistory) {
        this.validator = Objects.requireNonNull(validator, "validator");
        this.keepsHistory = keepsHistory;
    }

    /**
     * An oracle that also keeps every valid event, so that it answers as of any instant
     * ({@link #answersAsOf}, {@link #capacitySeries}, {@link #programSeries}); its memory grows with
     * the events (the others' with the keys only, which the pipeline benchmark's million events need).
     */
    public static NaiveAnswers keepingHistory(EventValidator validator) {
        return new NaiveAnswers(validator, true);
    }

    /** As {@link #apply(String, PopCapacityEvent)} for a record keyed by its popId. */
    public boolean apply(PopCapacityEvent event) {
        return apply(event.getPopId(), event);
    }

    /**
     * Applies a PoP event sent with record key {@code recordKey}.
     *
     * @return false when the app dead-letters it (invalid, or keyed by something else than its popId)
     */
    public boolean apply(String recordKey, PopCapacityEvent event) {
        String popId = event.getPopId();
        if (popId != null && !popId.isBlank()) {
            popIds.add(popId);
        }
        if (!validator.validate(event).isEmpty() || !popId.equals(recordKey)) {
            rejected++;
            return false;
        }
        String country = Objects.toString(event.getCountry(), "");
        if (!country.isBlank()) {
            countries.add(country);
            String city = Objects.toString(event.getCity(), "");
            if (!city.isBlank()) {
                cities.add(new City(country, city));
            }
        }
        if (event.getBusinessLocation() != null && !event.getBusinessLocation().isBlank()) {
            businessLocationNames.add(event.getBusinessLocation().strip());
        }
        if (keepsHistory) {
            popEvents.computeIfAbsent(popId, id -> new ArrayList<>()).add(event);
        }
        Pop current = pops.get(popId);
        if (current != null && event.getOccurredAt().isBefore(current.occurredAt())) {
            return true;
        }
        pops.put(popId, pop(event));
        return true;
    }

    private static Pop pop(PopCapacityEvent event) {
        return switch (event.getAction()) {
            case COMMISSIONED, CAPACITY_CHANGED -> new Pop(true, event.getCity().strip(), event.getCountry(),
                    event.getBusinessLocation().strip(), event.getCapacityMbps(), event.getOccurredAt());
            case DECOMMISSIONED -> new Pop(false, "", "", "", 0, event.getOccurredAt());
            case UNKNOWN -> throw new IllegalStateException("the validator let action UNKNOWN through: " + event);
        };
    }

    /** As {@link #apply(String, PartnerOnboardingEvent)} for a record keyed by its partnerId. */
    public boolean apply(PartnerOnboardingEvent event) {
        return apply(event.getPartnerId(), event);
    }

    /**
     * Applies a partner event sent with record key {@code recordKey}.
     *
     * @return false when the app dead-letters it (invalid, or keyed by something else than its partnerId)
     */
    public boolean apply(String recordKey, PartnerOnboardingEvent event) {
        String partnerId = event.getPartnerId();
        if (partnerId != null && !partnerId.isBlank()) {
            partnerIds.add(partnerId);
        }
        if (!validator.validate(event).isEmpty() || !partnerId.equals(recordKey)) {
            rejected++;
            return false;
        }
        LocalDate day = LocalDate.ofInstant(event.getOccurredAt(), ZoneOffset.UTC);
        firstDay = firstDay == null || day.isBefore(firstDay) ? day : firstDay;
        lastDay = lastDay == null || day.isAfter(lastDay) ? day : lastDay;
        if (keepsHistory) {
            partnerEvents.computeIfAbsent(partnerId, id -> new ArrayList<>()).add(event);
        }
        Membership next = membership(event);
        membershipVersions.computeIfAbsent(partnerId, id -> new EnumMap<>(Program.class))
                .computeIfAbsent(event.getProgram(), p -> new TreeMap<>())
                .put(event.getOccurredAt(), next.active());
        var memberships = partners.computeIfAbsent(partnerId, id -> new EnumMap<>(Program.class));
        Membership current = memberships.get(event.getProgram());
        if (current != null && event.getOccurredAt().isBefore(current.occurredAt())) {
            return true;
        }
        memberships.put(event.getProgram(), next);
        return true;
    }

    private static Membership membership(PartnerOnboardingEvent event) {
        return switch (event.getAction()) {
            case JOINED, UPDATED -> new Membership(true, event.getRole(), event.getCountry(),
                    event.getSubscribers() == null ? 0 : event.getSubscribers(), event.getPartnerName().strip(),
                    event.getOccurredAt());
            case LEFT -> new Membership(false, event.getRole(), "", 0, "", event.getOccurredAt());
            case UNKNOWN -> throw new IllegalStateException("the validator let action UNKNOWN through: " + event);
        };
    }

    /** Events applied so far that the app dead-letters. */
    public long rejected() {
        return rejected;
    }

    /** Every popId an event named, valid or not. */
    public Set<String> popIds() {
        return Collections.unmodifiableSet(popIds);
    }

    /** Every partnerId an event named, valid or not. */
    public Set<String> partnerIds() {
        return Collections.unmodifiableSet(partnerIds);
    }

    /** The world totals and the alliance: the top of both families, what every event shows in. */
    public Map<String, Expected> totals() {
        var answers = new LinkedHashMap<String, Expected>();
        answers.put("/api/v1/capacity", global());
        answers.put("/api/v1/alliance", alliance());
        return answers;
    }

    /** Every route, growth included, for every PoP and partner an event named. */
    public Map<String, Expected> answers() {
        return answers(Growth.INCLUDED, popIds, partnerIds);
    }

    /**
     * By route: the world totals; every region, country and city (as a whole list, and one by one
     * for every region, every country and every spelling of a city events used, active or not);
     * the alliance, every program, its regions, its current partners and, unless left out, its growth
     * on every day from the first to the last day of a valid partner event; and the given PoPs and
     * partners one by one.
     */
    public Map<String, Expected> answers(Growth withGrowth, Set<String> popIds, Set<String> partnerIds) {
        var answers = totals();
        answers.put("/api/v1/capacity/regions", regions());
        for (Region region : Region.values()) {
            answers.put("/api/v1/capacity/regions/" + region, region(region.name()));
        }
        answers.put("/api/v1/capacity/countries", countries());
        for (String country : countries) {
            answers.put("/api/v1/capacity/countries/" + country, country(country));
            answers.put("/api/v1/capacity/countries/" + country + "/cities", cities(country));
        }
        cities.forEach(city -> answers.put("/api/v1/capacity/countries/" + city.country() + "/cities/"
                + pathSegment(city.name()), city(city.country(), city.name())));
        for (Program program : programs()) {
            answers.put("/api/v1/alliance/programs/" + program, found(program(program)));
            answers.put("/api/v1/alliance/programs/" + program + "/regions", programRegions(program));
            answers.put("/api/v1/alliance/programs/" + program + "/partners", programPartners(program));
            if (withGrowth == Growth.INCLUDED && firstDay != null) {
                for (LocalDate from = firstDay; !from.isAfter(lastDay); from = from.plusDays(LONGEST_GROWTH_RANGE)) {
                    LocalDate to = min(from.plusDays(LONGEST_GROWTH_RANGE - 1), lastDay);
                    answers.put("/api/v1/alliance/programs/" + program + "/growth?from=" + from + "&to=" + to,
                            growth(program, from, to));
                }
            }
        }
        answers.put("/api/v1/capacity/business-locations", businessLocationPage());
        businessLocationNames.forEach(name -> answers.put("/api/v1/capacity/business-locations/" + pathSegment(name),
                businessLocation(name)));
        popIds.forEach(id -> answers.put("/api/v1/pops/" + pathSegment(id), pop(id)));
        partnerIds.forEach(id -> answers.put("/api/v1/partners/" + pathSegment(id), partner(id)));
        return answers;
    }

    /** As {@link #differences(Map, Function, int)}, in pages of {@link #LARGEST_PAGE}. */
    public static List<String> differences(Map<String, Expected> expected, Function<String, HttpAnswer> ask) {
        return differences(expected, ask, LARGEST_PAGE);
    }

    /**
     * Every way the app's answers differ from {@code expected}, one line each; {@code ask} gets a
     * route (path and query) and answers it, lists are walked in pages of {@code pageSize}.
     */
    public static List<String> differences(Map<String, Expected> expected, Function<String, HttpAnswer> ask,
                                           int pageSize) {
        var differences = new ArrayList<String>();
        expected.forEach((route, answer) -> differences.addAll(answer.differencesFrom(route, ask, pageSize)));
        return differences;
    }

    /**
     * The capacity per business location the app keeps ({@code business-location-capacity-store},
     * behind the world's {@code businessLocations}) as the instances' internal route answers it, all
     * instances' entries together ({@link AcrossInstances}): no public route answers it.
     */
    public Expected businessLocations() {
        ObjectNode body = JSON.objectNode();
        body.putArray("entries").addAll(groups(Pop::businessLocation, KEY_ORDER).entrySet().stream()
                .map(group -> capacity(JSON.objectNode().put("businessLocation", group.getKey()), group.getValue()))
                .toList());
        return Expected.found(body, Map.of("entries", "businessLocation"), Set.of());
    }

    // ---- as of an instant, and over time ---------------------------------------------------

    /**
     * The answers as of {@code at}: the state of each key is its valid event with the latest
     * occurredAt not after {@code at}, a tie going to the one applied later; a key without such an
     * event does not exist. Growth is not answered as of an instant, so it is left empty.
     */
    public NaiveAnswers asOf(Instant at) {
        requireHistory();
        var past = new NaiveAnswers(validator);
        past.popIds.addAll(popIds);
        past.partnerIds.addAll(partnerIds);
        past.countries.addAll(countries);
        past.cities.addAll(cities);
        past.businessLocationNames.addAll(businessLocationNames);
        popEvents.forEach((popId, events) -> latest(events, PopCapacityEvent::getOccurredAt, at)
                .ifPresent(event -> past.pops.put(popId, pop(event))));
        partnerEvents.forEach((partnerId, events) -> events.stream().map(PartnerOnboardingEvent::getProgram).distinct()
                .forEach(program -> latest(events.stream().filter(e -> e.getProgram() == program).toList(),
                        PartnerOnboardingEvent::getOccurredAt, at)
                        .ifPresent(event -> past.partners.computeIfAbsent(partnerId, id -> new EnumMap<>(Program.class))
                                .put(program, membership(event)))));
        return past;
    }

    /**
     * Every route of {@link #answers(Growth, Set, Set)} but growth, for every PoP and partner an event
     * named, as of {@code at}, asked with {@code asOf=parameter} (an instant, or a date meaning its end).
     */
    public Map<String, Expected> answersAsOf(String parameter, Instant at) {
        var answers = new LinkedHashMap<String, Expected>();
        asOf(at).answers(Growth.LEFT_OUT, popIds, partnerIds).forEach((route, expected) ->
                answers.put(route + (route.contains("?") ? "&" : "?") + "asOf=" + parameter, expected));
        return answers;
    }

    /**
     * {@code /api/v1/capacity/history}: the capacity of the PoPs in {@code place} (all when empty; a
     * region or a country) at the end of each period ({@code by}) from the one holding {@code from}
     * (the first valid PoP event when empty) to the one holding {@code to}; 400 past 1000 points.
     */
    public Expected capacitySeries(String by, Optional<Instant> from, Instant to, Optional<String> place) {
        requireHistory();
        Optional<Instant> first = popEvents.values().stream().flatMap(List::stream)
                .map(PopCapacityEvent::getOccurredAt).min(Instant::compareTo);
        var starts = periodStarts(by, from.or(() -> first).orElse(to), to);
        if (starts.size() > LONGEST_SERIES) {
            return new Expected(400, JSON.objectNode(), false, Map.of(), Set.of());
        }
        ObjectNode body = JSON.objectNode().put("by", by);
        body.putArray("points").addAll(starts.stream().map(start -> {
            var active = asOf(endOf(by, start)).active(pop -> place.isEmpty()
                    || place.get().equals(pop.region()) || place.get().equals(pop.country()));
            return capacity(JSON.objectNode().put("at", start.toString()), active)
                    .put("cities", count(active, Pop::cityKey)).put("countries", count(active, Pop::country))
                    .put("businessLocations", count(active, Pop::businessLocation));
        }).toList());
        return Expected.found(body, Map.of("points", "at"), Set.of());
    }

    /**
     * {@code /api/v1/alliance/programs/{program}/history}: the program at the end of each period, and
     * the memberships that began and ended within it (by the time order of each membership's states,
     * whatever order they were applied in), from the period holding {@code from} (the program's first
     * valid event when empty) to the one holding {@code to}; 400 past 1000 points.
     */
    public Expected programSeries(Program program, String by, Optional<Instant> from, Instant to) {
        requireHistory();
        var histories = partnerEvents.values().stream()
                .map(events -> events.stream().filter(e -> e.getProgram() == program).toList())
                .filter(events -> !events.isEmpty()).toList();
        Optional<Instant> first = histories.stream().flatMap(List::stream)
                .map(PartnerOnboardingEvent::getOccurredAt).min(Instant::compareTo);
        var starts = periodStarts(by, from.or(() -> first).orElse(to), to);
        if (starts.size() > LONGEST_SERIES) {
            return new Expected(400, JSON.objectNode(), false, Map.of(), Set.of());
        }
        var changes = new ArrayList<Membership>();
        for (var events : histories) {
            var byTime = new TreeMap<Instant, PartnerOnboardingEvent>();
            events.forEach(e -> byTime.put(e.getOccurredAt(), e)); // a tie: the one applied later
            boolean active = false;
            for (var event : byTime.values()) {
                var m = membership(event);
                if (m.active() != active) {
                    changes.add(m);
                }
                active = m.active();
            }
        }
        ObjectNode body = JSON.objectNode().put("program", program.name()).put("by", by);
        body.putArray("points").addAll(starts.stream().map(start -> {
            Instant begin = start.atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant end = endOf(by, start);
            var within = changes.stream().filter(m -> !m.occurredAt().isBefore(begin) && !m.occurredAt().isAfter(end)).toList();
            ObjectNode point = asOf(end).program(program);
            point.remove("program");
            return point.put("at", start.toString())
                    .put("joined", within.stream().filter(Membership::active).count())
                    .put("left", within.stream().filter(m -> !m.active()).count());
        }).toList());
        return Expected.found(body, Map.of("points", "at"), Set.of());
    }

    private void requireHistory() {
        if (!keepsHistory) {
            throw new IllegalStateException("this oracle keeps no history: make it with NaiveAnswers.keepingHistory");
        }
    }

    /** The event in force at {@code at}: the latest not after it, a tie going to the one applied later. */
    private static <E> Optional<E> latest(List<E> events, Function<E, Instant> time, Instant at) {
        E latest = null;
        for (E event : events) {
            Instant t = time.apply(event);
            if (!t.isAfter(at) && (latest == null || !t.isBefore(time.apply(latest)))) {
                latest = event;
            }
        }
        return Optional.ofNullable(latest);
    }

    /** First days of the periods from the one holding {@code from} to the one holding {@code to}; stops past the limit. */
    private static List<LocalDate> periodStarts(String by, Instant from, Instant to) {
        var starts = new ArrayList<LocalDate>();
        LocalDate last = periodStart(by, LocalDate.ofInstant(to, ZoneOffset.UTC));
        for (LocalDate start = periodStart(by, LocalDate.ofInstant(from, ZoneOffset.UTC));
             !start.isAfter(last) && starts.size() <= LONGEST_SERIES; start = nextPeriod(by, start)) {
            starts.add(start);
        }
        return starts;
    }

    private static LocalDate periodStart(String by, LocalDate day) {
        return switch (by) {
            case "day" -> day;
            case "week" -> day.minusDays(day.getDayOfWeek().getValue() - 1);
            case "month" -> LocalDate.of(day.getYear(), day.getMonth(), 1);
            case "year" -> LocalDate.of(day.getYear(), 1, 1);
            default -> throw new IllegalArgumentException("no period '" + by + "'");
        };
    }

    private static LocalDate nextPeriod(String by, LocalDate start) {
        return switch (by) {
            case "day" -> start.plusDays(1);
            case "week" -> start.plusDays(7);
            case "month" -> start.plusMonths(1);
            case "year" -> start.plusYears(1);
            default -> throw new IllegalArgumentException("no period '" + by + "'");
        };
    }

    /** The last instant of the period starting {@code start}. */
    private static Instant endOf(String by, LocalDate start) {
        return nextPeriod(by, start).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1);
    }

    /**
     * The business gauges of {@code /metrics} (README "Metrics") by name and labels, as their sum
     * over every instance must be ({@link AcrossInstances}).
     */
    public Map<String, Long> businessGauges() {
        var active = active();
        var gauges = new TreeMap<String, Long>();
        gauges.put("ecosystem_capacity_mbps", active.stream().mapToLong(Pop::capacityMbps).sum());
        gauges.put("ecosystem_active_pops", (long) active.size());
        gauges.put("ecosystem_cities", count(active, Pop::cityKey));
        gauges.put("ecosystem_business_locations", count(active, Pop::businessLocation));
        var regions = groups(Pop::region, KEY_ORDER);
        for (Region region : Region.values()) {
            gauges.put("ecosystem_region_capacity_mbps{region=\"" + region + "\"}",
                    regions.getOrDefault(region.name(), List.of()).stream().mapToLong(Pop::capacityMbps).sum());
        }
        for (Program program : programs()) {
            ObjectNode figures = program(program);
            for (String figure : List.of("members", "partners", "subscribers")) {
                gauges.put("ecosystem_program_" + figure + "{program=\"" + program + "\"}", figures.path(figure).asLong());
            }
        }
        return gauges;
    }

    // ---- capacity --------------------------------------------------------------------------

    private Expected global() {
        var active = active();
        ObjectNode body = capacity(JSON.objectNode(), active);
        body.put("cities", count(active, Pop::cityKey));
        body.put("countries", count(active, Pop::country));
        body.put("businessLocations", count(active, Pop::businessLocation));
        return found(body);
    }

    private Expected regions() {
        return Expected.page(groups(Pop::region, KEY_ORDER).entrySet().stream()
                .map(group -> regionBody(group.getKey(), group.getValue())).toList(), "region", Set.of());
    }

    private Expected region(String region) {
        var active = active(pop -> pop.region().equals(region));
        return active.isEmpty() ? Expected.notFound() : found(regionBody(region, active));
    }

    private ObjectNode regionBody(String region, List<Pop> active) {
        ObjectNode body = capacity(JSON.objectNode().put("region", region), active);
        body.put("cities", count(active, Pop::cityKey));
        body.put("countries", count(active, Pop::country));
        return body;
    }

    private Expected countries() {
        return Expected.page(groups(Pop::country, KEY_ORDER).entrySet().stream()
                .map(group -> countryBody(group.getKey(), group.getValue())).toList(), "country", Set.of());
    }

    private Expected country(String country) {
        var active = active(pop -> pop.country().equals(country));
        return active.isEmpty() ? Expected.notFound() : found(countryBody(country, active));
    }

    private ObjectNode countryBody(String country, List<Pop> active) {
        ObjectNode body = capacity(JSON.objectNode().put("country", country), active);
        body.put("cities", count(active, Pop::cityKey));
        return body;
    }

    /** A city's display name is the spelling of one of its PoPs' events: only its normalised form is certain. */
    private Expected cities(String country) {
        var ofCountry = active(pop -> pop.country().equals(country));
        var byName = new TreeMap<String, List<Pop>>(KEY_ORDER);
        ofCountry.forEach(pop -> byName.computeIfAbsent(normalised(pop.city()), n -> new ArrayList<>()).add(pop));
        return Expected.page(byName.entrySet().stream().map(city -> cityBody(country, city.getKey(), city.getValue()))
                .toList(), "city", Set.of("city"));
    }

    private Expected city(String country, String name) {
        var active = active(pop -> pop.cityKey().equals(cityKey(country, name)));
        return active.isEmpty() ? Expected.notFound()
                : Expected.found(cityBody(country, normalised(name), active), Map.of(), Set.of("city"));
    }

    private ObjectNode cityBody(String country, String normalisedName, List<Pop> active) {
        return capacity(JSON.objectNode().put("country", country).put("city", normalisedName), active);
    }

    private Expected businessLocationPage() {
        return Expected.page(groups(Pop::businessLocation, KEY_ORDER).entrySet().stream()
                .map(group -> capacity(JSON.objectNode().put("businessLocation", group.getKey()), group.getValue()))
                .toList(), "businessLocation", Set.of());
    }

    private Expected businessLocation(String name) {
        var active = active(pop -> pop.businessLocation().equals(name));
        return active.isEmpty() ? Expected.notFound()
                : found(capacity(JSON.objectNode().put("businessLocation", name), active));
    }

    private Expected pop(String popId) {
        Pop pop = pops.get(popId);
        if (pop == null || !pop.active()) {
            return Expected.notFound();
        }
        return found(JSON.objectNode().put("popId", popId).put("city", pop.city()).put("country", pop.country())
                .put("region", pop.region()).put("businessLocation", pop.businessLocation())
                .put("capacityMbps", pop.capacityMbps()).put("occurredAt", pop.occurredAt().toString()));
    }

    private static ObjectNode capacity(ObjectNode body, List<Pop> active) {
        return body.put("capacityMbps", active.stream().mapToLong(Pop::capacityMbps).sum())
                .put("activePops", active.size());
    }

    private List<Pop> active() {
        return active(pop -> true);
    }

    private List<Pop> active(Predicate<Pop> in) {
        return pops.values().stream().filter(Pop::active).filter(in).toList();
    }

    private Map<String, List<Pop>> groups(Function<Pop, String> key, Comparator<String> order) {
        var groups = new TreeMap<String, List<Pop>>(order);
        active().forEach(pop -> groups.computeIfAbsent(key.apply(pop), k -> new ArrayList<>()).add(pop));
        return groups;
    }

    private static long count(List<Pop> active, Function<Pop, String> key) {
        return active.stream().map(key).distinct().count();
    }

    // ---- alliance --------------------------------------------------------------------------

    /** The partners with a current membership, and each program as its entry of the list, in program order. */
    private Expected alliance() {
        ObjectNode body = JSON.objectNode().put("organisations", partners.values().stream()
                .filter(memberships -> memberships.values().stream().anyMatch(Membership::active)).count());
        body.putArray("programs").addAll(programs().stream().map(this::program).toList());
        return Expected.found(body, Map.of("programs", "program"), Set.of());
    }

    /** A program without members is still found, with zeros. */
    private ObjectNode program(Program program) {
        var active = members(program).values();
        return JSON.objectNode().put("program", program.name())
                .put("members", active.stream().filter(m -> m.role() == PartnerRole.MEMBER).count())
                .put("partners", active.stream().filter(m -> m.role() == PartnerRole.PARTNER).count())
                .put("subscribers", active.stream().mapToLong(Membership::subscribers).sum())
                .put("countries", active.stream().map(Membership::country).distinct().count());
    }

    private Expected programRegions(Program program) {
        var byRegion = new TreeMap<String, List<Membership>>(KEY_ORDER);
        members(program).values().forEach(m -> byRegion.computeIfAbsent(regionOf(m.country()), r -> new ArrayList<>())
                .add(m));
        return Expected.page(byRegion.entrySet().stream().map(region -> JSON.objectNode()
                .put("program", program.name()).put("region", region.getKey())
                .put("members", region.getValue().stream().filter(m -> m.role() == PartnerRole.MEMBER).count())
                .put("partners", region.getValue().stream().filter(m -> m.role() == PartnerRole.PARTNER).count()))
                .toList(), "region", Set.of());
    }

    private Expected programPartners(Program program) {
        return Expected.page(members(program).entrySet().stream()
                .map(member -> membership(member.getKey(), program, member.getValue())).toList(), "partnerId", Set.of());
    }

    /** Every day of the range, zeros on quiet days: see the class comment. */
    private Expected growth(Program program, LocalDate from, LocalDate to) {
        var days = new HashMap<LocalDate, long[]>();
        membershipVersions.values().forEach(programs -> {
            boolean wasActive = false;
            for (var version : programs.getOrDefault(program, Collections.emptyNavigableMap()).entrySet()) {
                if (version.getValue() != wasActive) {
                    days.computeIfAbsent(LocalDate.ofInstant(version.getKey(), ZoneOffset.UTC), d -> new long[2])
                            [version.getValue() ? 0 : 1]++;
                }
                wasActive = version.getValue();
            }
        });
        ObjectNode body = JSON.objectNode().put("program", program.name());
        body.putArray("days").addAll(from.datesUntil(to.plusDays(1)).map(day -> {
            long[] counts = days.getOrDefault(day, new long[2]);
            return JSON.objectNode().put("day", day.toString()).put("joined", counts[0]).put("left", counts[1]);
        }).toList());
        return Expected.found(body, Map.of("days", "day"), Set.of());
    }

    /** Its current memberships, in program order; a partner without any is not found. */
    private Expected partner(String partnerId) {
        var current = partners.getOrDefault(partnerId, Map.of()).entrySet().stream()
                .filter(entry -> entry.getValue().active())
                .map(entry -> membership(partnerId, entry.getKey(), entry.getValue()))
                .toList();
        if (current.isEmpty()) {
            return Expected.notFound();
        }
        ObjectNode body = JSON.objectNode().put("partnerId", partnerId);
        body.putArray("memberships").addAll(current);
        return Expected.found(body, Map.of("memberships", "program"), Set.of());
    }

    private static ObjectNode membership(String partnerId, Program program, Membership m) {
        return JSON.objectNode().put("partnerId", partnerId).put("partnerName", m.partnerName())
                .put("program", program.name()).put("role", m.role().name()).put("country", m.country())
                .put("subscribers", m.subscribers()).put("since", m.occurredAt().toString());
    }

    /** The current memberships of a program, by partnerId in key order. */
    private Map<String, Membership> members(Program program) {
        var members = new TreeMap<String, Membership>(KEY_ORDER);
        partners.forEach((partnerId, memberships) -> {
            Membership m = memberships.get(program);
            if (m != null && m.active()) {
                members.put(partnerId, m);
            }
        });
        return members;
    }

    /** The programs a client can ask about, in the schema's order: UNKNOWN is only the default for symbols added later. */
    private static List<Program> programs() {
        return Arrays.stream(Program.values()).filter(program -> program != Program.UNKNOWN).toList();
    }

    // ---- shared ----------------------------------------------------------------------------

    private static String regionOf(String country) {
        return Countries.regionOf(country).map(Region::name)
                .orElseThrow(() -> new IllegalStateException("a valid event with country '" + country + "' has no region"));
    }

    /** Cities are one when country and name match, the name trimmed and compared ignoring case. */
    private static String cityKey(String country, String city) {
        return country + "/" + normalised(city);
    }

    private static String normalised(String city) {
        return city.strip().toLowerCase(Locale.ROOT);
    }

    /** A name as one segment of a URL path: blanks as %20, not as the form encoding's '+'. */
    private static String pathSegment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static Expected found(ObjectNode body) {
        return Expected.found(body, Map.of(), Set.of());
    }

    @Override
    public String toString() {
        return pops.size() + " PoPs, " + partners.size() + " partners, " + rejected + " events rejected";
    }
}
