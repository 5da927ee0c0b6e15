package com.cmobile.ecosystem.app.it;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import com.cmobile.ecosystem.events.PartnerRole;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.events.Program;
import com.cmobile.ecosystem.app.it.query.AppInstances;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the HTTP API must answer after the valid events applied here, recomputed the naive way and
 * written without the topology's code (two independent computations that agree are the check):
 * the state of a key (a PoP; a partner in one program) is set by its event with the latest
 * occurredAt, a tie going to the event applied later, whatever partition the events came in on;
 * DECOMMISSIONED and LEFT end it; every figure is recomputed from all states. The one oracle of the
 * broker-backed ITs, so that a rule is written once. Not thread-safe: apply and ask on one thread,
 * or hand it over through something that orders the two (a joined thread, a completed future).
 */
public final class NaiveAnswers {

    private static final String MEMBERSHIPS = "memberships";
    private static final List<String> MEMBERSHIP_FIELDS =
            List.of("program", "role", "country", "subscribers", "since", "partnerName");
    /** A figure of an array element picked by one of its fields: {@code programs[program=GTI].members}. */
    private static final Pattern ELEMENT_FIGURE = Pattern.compile("(\\w+)\\[(\\w+)=([^\\]]*)]\\.(\\w+)");

    private record Pop(boolean active, String city, String country, String businessLocation, long capacityMbps,
                       Instant occurredAt) {
        String cityKey() {
            return NaiveAnswers.cityKey(country, city);
        }
    }

    private record Membership(boolean active, PartnerRole role, String country, long subscribers,
                              String partnerName, Instant occurredAt) {
    }

    /** A city to ask about, spelt as a client would: the app matches the name ignoring case and surrounding blanks. */
    public record City(String country, String name) {
    }

    /** What one route must answer: its status and, when 200, the figures of its body. */
    public record Expected(int status, Map<String, String> figures) {

        /** Each figure the app answers differently, as a line naming the route, the figure and both values. */
        public List<String> differencesFrom(String route, AppInstances.Answer answer) {
            if (answer.status() != status) {
                return List.of(route + ": expected " + this + ", app answered " + answer.status() + " " + answer.text());
            }
            var differences = new ArrayList<String>();
            figures.forEach((name, value) -> {
                String actual = figureOf(answer.body(), name);
                if (!value.equals(actual)) {
                    differences.add(route + ": " + name + " expected " + value + ", app answered " + actual);
                }
            });
            return differences;
        }

        @Override
        public String toString() {
            return status + (figures.isEmpty() ? "" : " " + figures);
        }
    }

    private final Map<String, Pop> pops = new HashMap<>();
    private final Map<String, Map<Program, Membership>> partners = new HashMap<>();

    public void apply(PopCapacityEvent event) {
        Pop current = pops.get(event.getPopId());
        if (current != null && event.getOccurredAt().isBefore(current.occurredAt())) {
            return;
        }
        pops.put(event.getPopId(), switch (event.getAction()) {
            case COMMISSIONED, CAPACITY_CHANGED -> new Pop(true, event.getCity().strip(), event.getCountry(),
                    event.getBusinessLocation().strip(), event.getCapacityMbps(), event.getOccurredAt());
            case DECOMMISSIONED -> new Pop(false, "", "", "", 0, event.getOccurredAt());
            case UNKNOWN -> throw new IllegalArgumentException("a PoP event with action UNKNOWN: " + event);
        });
    }

    public void apply(PartnerOnboardingEvent event) {
        var memberships = partners.computeIfAbsent(event.getPartnerId(), id -> new EnumMap<>(Program.class));
        Membership current = memberships.get(event.getProgram());
        if (current != null && event.getOccurredAt().isBefore(current.occurredAt())) {
            return;
        }
        memberships.put(event.getProgram(), switch (event.getAction()) {
            case JOINED, UPDATED -> new Membership(true, event.getRole(), event.getCountry(),
                    event.getSubscribers() == null ? 0 : event.getSubscribers(), event.getPartnerName().strip(),
                    event.getOccurredAt());
            case LEFT -> new Membership(false, event.getRole(), "", 0, "", event.getOccurredAt());
            case UNKNOWN -> throw new IllegalArgumentException("a partner event with action UNKNOWN: " + event);
        });
    }

    /**
     * The world totals, the alliance (organisations and its entry for every program) and every
     * program, plus the given PoPs, partners, countries and cities, by route.
     */
    public Map<String, Expected> answers(Set<String> popIds, Set<String> partnerIds, Set<String> countries,
                                         Set<City> cities) {
        var answers = new LinkedHashMap<String, Expected>();
        answers.put("/api/v1/capacity", capacity(pop -> true, true));
        answers.put("/api/v1/alliance", alliance());
        for (Program program : programs()) {
            answers.put("/api/v1/alliance/programs/" + program, program(program));
        }
        countries.forEach(country -> answers.put("/api/v1/capacity/countries/" + country,
                capacity(pop -> pop.country().equals(country), false)));
        cities.forEach(city -> answers.put("/api/v1/capacity/countries/" + city.country() + "/cities/"
                + pathSegment(city.name()), city(cityKey(city.country(), city.name()))));
        popIds.forEach(id -> answers.put("/api/v1/pops/" + id, pop(id)));
        partnerIds.forEach(id -> answers.put("/api/v1/partners/" + id, partner(id)));
        return answers;
    }

    /** Every figure the app answers differently from {@code expected}, one line each; {@code ask} gets a route. */
    public static List<String> differences(Map<String, Expected> expected, Function<String, AppInstances.Answer> ask) {
        var differences = new ArrayList<String>();
        expected.forEach((route, answer) -> differences.addAll(answer.differencesFrom(route, ask.apply(route))));
        return differences;
    }

    /** Of the active PoPs that match; a country without any is 404, the world is then all zeros. */
    private Expected capacity(Predicate<Pop> in, boolean world) {
        var active = active(in);
        if (active.isEmpty() && !world) {
            return notFound();
        }
        var figures = new LinkedHashMap<String, String>();
        figures.put("capacityMbps", String.valueOf(active.stream().mapToLong(Pop::capacityMbps).sum()));
        figures.put("activePops", String.valueOf(active.size()));
        figures.put("cities", String.valueOf(active.stream().map(Pop::cityKey).distinct().count()));
        if (world) {
            figures.put("countries", String.valueOf(active.stream().map(Pop::country).distinct().count()));
            figures.put("businessLocations", String.valueOf(active.stream().map(Pop::businessLocation).distinct().count()));
        }
        return found(figures);
    }

    /** A city without an active PoP is 404. */
    private Expected city(String cityKey) {
        var active = active(pop -> pop.cityKey().equals(cityKey));
        if (active.isEmpty()) {
            return notFound();
        }
        var figures = new LinkedHashMap<String, String>();
        figures.put("capacityMbps", String.valueOf(active.stream().mapToLong(Pop::capacityMbps).sum()));
        figures.put("activePops", String.valueOf(active.size()));
        return found(figures);
    }

    private List<Pop> active(Predicate<Pop> in) {
        return pops.values().stream().filter(Pop::active).filter(in).toList();
    }

    /** The organisations with a current membership, and each program's figures as its entry of the list. */
    private Expected alliance() {
        var figures = new LinkedHashMap<String, String>();
        figures.put("organisations", String.valueOf(partners.values().stream()
                .filter(memberships -> memberships.values().stream().anyMatch(Membership::active)).count()));
        for (Program program : programs()) {
            program(program).figures().forEach((name, value) ->
                    figures.put("programs[program=" + program + "]." + name, value));
        }
        return found(figures);
    }

    /** A program without members is still found, with zeros. */
    private Expected program(Program program) {
        var active = partners.values().stream().map(memberships -> memberships.get(program))
                .filter(m -> m != null && m.active()).toList();
        var figures = new LinkedHashMap<String, String>();
        figures.put("members", String.valueOf(active.stream().filter(m -> m.role() == PartnerRole.MEMBER).count()));
        figures.put("partners", String.valueOf(active.stream().filter(m -> m.role() == PartnerRole.PARTNER).count()));
        figures.put("subscribers", String.valueOf(active.stream().mapToLong(Membership::subscribers).sum()));
        figures.put("countries", String.valueOf(active.stream().map(Membership::country).distinct().count()));
        return found(figures);
    }

    private Expected pop(String popId) {
        Pop pop = pops.get(popId);
        if (pop == null || !pop.active()) {
            return notFound();
        }
        var figures = new LinkedHashMap<String, String>();
        figures.put("city", pop.city());
        figures.put("country", pop.country());
        figures.put("businessLocation", pop.businessLocation());
        figures.put("capacityMbps", String.valueOf(pop.capacityMbps()));
        figures.put("occurredAt", pop.occurredAt().toString());
        return found(figures);
    }

    private Expected partner(String partnerId) {
        var current = partners.getOrDefault(partnerId, Map.of()).entrySet().stream()
                .filter(entry -> entry.getValue().active())
                .map(entry -> {
                    Membership m = entry.getValue();
                    return String.join(" ", entry.getKey().name(), m.role().name(), m.country(),
                            String.valueOf(m.subscribers()), m.occurredAt().toString(), m.partnerName());
                })
                .sorted().toList();
        return current.isEmpty() ? notFound() : found(Map.of(MEMBERSHIPS, String.join("; ", current)));
    }

    /** The programs a client can ask about: UNKNOWN is only the schema's default for symbols added later. */
    private static List<Program> programs() {
        return Arrays.stream(Program.values()).filter(program -> program != Program.UNKNOWN).toList();
    }

    /** Cities are one when country and name match, the name trimmed and compared ignoring case. */
    private static String cityKey(String country, String city) {
        return country + "/" + city.strip().toLowerCase(Locale.ROOT);
    }

    /** A city name as one segment of a URL path: blanks as %20, not as the form encoding's '+'. */
    private static String pathSegment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Expected found(Map<String, String> figures) {
        return new Expected(200, figures);
    }

    private static Expected notFound() {
        return new Expected(404, Map.of());
    }

    /**
     * A figure of an answer in the form {@link Expected} holds it: a field, a field of an array
     * element picked by one of its fields, or a list of memberships in one line.
     */
    private static String figureOf(JsonNode body, String name) {
        Matcher element = ELEMENT_FIGURE.matcher(name);
        if (body != null && element.matches()) {
            for (JsonNode candidate : body.path(element.group(1))) {
                if (candidate.path(element.group(2)).asText().equals(element.group(3))) {
                    return figureOf(candidate, element.group(4));
                }
            }
            return "(absent)";
        }
        JsonNode node = body == null ? null : body.get(name);
        if (node == null) {
            return "(absent)";
        }
        if (!MEMBERSHIPS.equals(name)) {
            return node.asText();
        }
        return StreamSupport.stream(node.spliterator(), false)
                .map(m -> MEMBERSHIP_FIELDS.stream().map(field -> m.path(field).asText()).collect(Collectors.joining(" ")))
                .sorted().collect(Collectors.joining("; "));
    }
}
