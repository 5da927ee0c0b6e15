package com.cmobile.ecosystem.local.it.topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import com.cmobile.ecosystem.events.PartnerRole;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.events.Program;
import com.cmobile.ecosystem.local.it.query.AppInstances;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the HTTP API must answer after the valid events applied here, recomputed the naive way and
 * written without the topology's code (two independent computations that agree are the check):
 * the state of a key is set by its event with the latest occurredAt, whatever partition or order
 * the events came in; DECOMMISSIONED and LEFT end it; every figure is recomputed from all states.
 * Not thread-safe.
 */
final class NaiveAnswers {

    private static final String MEMBERSHIPS = "memberships";
    private static final List<String> MEMBERSHIP_FIELDS =
            List.of("program", "role", "country", "subscribers", "since", "partnerName");

    private record Pop(boolean active, String city, String country, String businessLocation, long capacityMbps,
                       Instant occurredAt) {
        /** Cities are one when country and name match, the name trimmed and compared ignoring case. */
        String cityKey() {
            return country + "/" + city.toLowerCase(Locale.ROOT);
        }
    }

    private record Membership(boolean active, PartnerRole role, String country, long subscribers,
                              String partnerName, Instant occurredAt) {
    }

    /** What one route must answer: its status and, when 200, the figures of its body. */
    record Expected(int status, Map<String, String> figures) {

        /** Each figure the app answers differently, as a line naming the route, the figure and both values. */
        List<String> differencesFrom(String route, AppInstances.Answer answer) {
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

    void apply(PopCapacityEvent event) {
        Pop current = pops.get(event.getPopId());
        if (current != null && event.getOccurredAt().isBefore(current.occurredAt())) {
            return;
        }
        pops.put(event.getPopId(), switch (event.getAction()) {
            case COMMISSIONED, CAPACITY_CHANGED -> new Pop(true, event.getCity().strip(), event.getCountry(),
                    event.getBusinessLocation().strip(), event.getCapacityMbps(), event.getOccurredAt());
            case DECOMMISSIONED -> new Pop(false, "", "", "", 0, event.getOccurredAt());
            case UNKNOWN -> throw new IllegalArgumentException("generated a PoP event with action UNKNOWN: " + event);
        });
    }

    void apply(PartnerOnboardingEvent event) {
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
            case UNKNOWN -> throw new IllegalArgumentException("generated a partner event with action UNKNOWN: " + event);
        });
    }

    /**
     * The world totals, the organisation count and every program, plus the given PoPs, partners and
     * countries, by route.
     */
    Map<String, Expected> answers(Set<String> popIds, Set<String> partnerIds, Set<String> countries) {
        var answers = new LinkedHashMap<String, Expected>();
        answers.put("/api/v1/capacity", capacity(pop -> true, true));
        answers.put("/api/v1/alliance", found(Map.of("organisations", String.valueOf(partners.values().stream()
                .filter(memberships -> memberships.values().stream().anyMatch(Membership::active)).count()))));
        for (Program program : Program.values()) {
            if (program != Program.UNKNOWN) {
                answers.put("/api/v1/alliance/programs/" + program, program(program));
            }
        }
        countries.forEach(country -> answers.put("/api/v1/capacity/countries/" + country,
                capacity(pop -> pop.country().equals(country), false)));
        popIds.forEach(id -> answers.put("/api/v1/pops/" + id, pop(id)));
        partnerIds.forEach(id -> answers.put("/api/v1/partners/" + id, partner(id)));
        return answers;
    }

    /** Of the active PoPs that match; a country without any is 404, the world is then all zeros. */
    private Expected capacity(Predicate<Pop> in, boolean world) {
        var active = pops.values().stream().filter(Pop::active).filter(in).toList();
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

    private static Expected found(Map<String, String> figures) {
        return new Expected(200, figures);
    }

    private static Expected notFound() {
        return new Expected(404, Map.of());
    }

    /** A figure of an answer in the form {@link Expected} holds it; a list of memberships in one line. */
    private static String figureOf(JsonNode body, String name) {
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
