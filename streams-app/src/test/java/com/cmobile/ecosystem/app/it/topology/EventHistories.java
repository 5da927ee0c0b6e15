package com.cmobile.ecosystem.app.it.topology;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import com.cmobile.ecosystem.events.OnboardingAction;
import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import com.cmobile.ecosystem.events.PartnerRole;
import com.cmobile.ecosystem.events.PopAction;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.events.Program;
import com.cmobile.ecosystem.validation.EventValidator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

/**
 * Random histories of a few PoPs and partners: commissions, re-sizes, moves to another city or
 * country, decommissions and re-commissions; joins, updates, leaves and re-joins in several
 * programs; occurredAt out of arrival order, some years back, but never twice the same for one key
 * (a tie goes to the later arrival, and arrival order across partitions is not deterministic). Each
 * event also carries a random partition, and about one in twenty is invalid on purpose.
 *
 * <p>Keys are small numbers here; a try turns them into ids of its own, so tries never share a key.
 */
final class EventHistories {

    static final int PARTITIONS = 6;

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    /** The project's history starts in 2006: backfills reach that far. */
    private static final Instant HISTORY_START = Instant.parse("2006-01-01T00:00:00Z");
    /** City spellings that differ only in case and blanks count as one city of their country. */
    private static final List<String[]> PLACES = List.of(
            new String[] {"FR", "Paris"}, new String[] {"FR", " paris "}, new String[] {"FR", "Lyon"},
            new String[] {"DE", "Berlin"}, new String[] {"DE", "BERLIN"}, new String[] {"JP", "Tokyo"},
            new String[] {"US", "New York"}, new String[] {"US", "new york "}, new String[] {"KE", "Nairobi"},
            new String[] {"BR", "São Paulo"}, new String[] {"BR", "SÃO PAULO"}, new String[] {"CA", "London"},
            new String[] {"GB", "London"});
    private static final List<String> BUSINESS_LOCATIONS = List.of("CMI Europe", " CMI Europe ", "CMI Asia",
            "CMI Americas", "CMI Africa");
    private static final List<String> PARTNER_COUNTRIES = List.of("FR", "DE", "JP", "US", "KE", "AU", "BR", "GB");
    private static final List<String> PARTNER_NAMES = List.of("Orange", " Orange ", "Safaricom", "Telstra");

    private EventHistories() {
    }

    /** One generated event; {@link #partition()} is where the random-partition property sends it. */
    sealed interface Step permits PopStep, PartnerStep {
        int partition();

        /** False for the events made invalid on purpose: the app sends them to its DLQ. */
        boolean valid();
    }

    record PopStep(int key, PopAction action, String country, String city, String businessLocation,
                   long capacityMbps, Instant occurredAt, int partition, boolean valid) implements Step {

        PopCapacityEvent event(String popId) {
            return PopCapacityEvent.newBuilder().setEventId(UUID.randomUUID()).setPopId(popId).setAction(action)
                    .setCity(city).setCountry(country).setBusinessLocation(businessLocation)
                    .setCapacityMbps(capacityMbps).setOccurredAt(occurredAt).setSource("any-partition-it").build();
        }
    }

    record PartnerStep(int key, Program program, PartnerRole role, OnboardingAction action, String partnerName,
                       String country, Long subscribers, Instant occurredAt, int partition, boolean valid)
            implements Step {

        PartnerOnboardingEvent event(String partnerId) {
            return PartnerOnboardingEvent.newBuilder().setEventId(UUID.randomUUID()).setPartnerId(partnerId)
                    .setPartnerName(partnerName).setProgram(program).setRole(role).setAction(action)
                    .setCountry(country).setSubscribers(subscribers).setOccurredAt(occurredAt)
                    .setSource("any-partition-it").build();
        }
    }

    /** A few dozen events of three to six PoPs and two to five partners, interleaved at random. */
    static Arbitrary<List<Step>> histories() {
        Arbitrary<List<Step>> pops = keys(3, 6, key -> eventsOf(key, 8, EventHistories::popStep));
        Arbitrary<List<Step>> partners = keys(2, 5, key -> eventsOf(key, 10, EventHistories::partnerStep));
        return Combinators.combine(pops, partners).as(EventHistories::concat).flatMap(Arbitraries::shuffle);
    }

    private static Arbitrary<List<Step>> keys(int min, int max, IntFunction<Arbitrary<List<Step>>> ofKey) {
        return Arbitraries.integers().between(min, max).flatMap(count -> Combinators.combine(
                IntStream.range(0, count).mapToObj(ofKey).toList()).as(EventHistories::flatten));
    }

    /** One to {@code maxEvents} events of one key, each at a time of its own. */
    private static Arbitrary<List<Step>> eventsOf(int key, int maxEvents,
                                                 BiFunction<Integer, Instant, Arbitrary<Step>> step) {
        return occurredAt().list().ofMinSize(1).ofMaxSize(maxEvents).uniqueElements()
                .flatMap(times -> Combinators.combine(times.stream().map(at -> step.apply(key, at)).toList())
                        .as(steps -> steps));
    }

    /**
     * Mostly the last month, one in four a backfill between 2006 and a year ago; never in the future.
     * Uniform, because jqwik's default bias towards the bounds would crowd the times at both ends.
     */
    private static Arbitrary<Instant> occurredAt() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, secondsBetween(NOW.minus(Duration.ofDays(30)), NOW.minusSeconds(60))),
                Tuple.of(1, secondsBetween(HISTORY_START, NOW.minus(Duration.ofDays(365)))));
    }

    private static Arbitrary<Instant> secondsBetween(Instant from, Instant to) {
        return Arbitraries.longs().between(from.getEpochSecond(), to.getEpochSecond())
                .withDistribution(RandomDistribution.uniform()).map(Instant::ofEpochSecond);
    }

    private static Arbitrary<Step> popStep(int key, Instant at) {
        return Combinators.combine(
                Arbitraries.frequency(Tuple.of(3, PopAction.COMMISSIONED), Tuple.of(4, PopAction.CAPACITY_CHANGED),
                        Tuple.of(2, PopAction.DECOMMISSIONED)),
                Arbitraries.of(PLACES), Arbitraries.of(BUSINESS_LOCATIONS), Arbitraries.longs().between(0, 400_000),
                partitions(), validity())
                .as((action, place, location, capacity, partition, valid) -> {
                    // Capacity is range-checked on every action, so it makes any event invalid.
                    long mbps = valid ? capacity : EventValidator.MAX_CAPACITY_MBPS + 1;
                    return action == PopAction.DECOMMISSIONED
                            ? new PopStep(key, action, "", "", "", valid ? 0 : mbps, at, partition, valid)
                            : new PopStep(key, action, place[0], place[1], location, mbps, at, partition, valid);
                });
    }

    private static Arbitrary<Step> partnerStep(int key, Instant at) {
        return Combinators.combine(
                Arbitraries.of(Program.HAND_IN_HAND, Program.ISTAR, Program.GTI, Program.ECOSYSTEM_ALLIANCE),
                Arbitraries.of(PartnerRole.MEMBER, PartnerRole.PARTNER),
                Arbitraries.frequency(Tuple.of(3, OnboardingAction.JOINED), Tuple.of(2, OnboardingAction.UPDATED),
                        Tuple.of(2, OnboardingAction.LEFT)),
                Arbitraries.of(PARTNER_NAMES), Arbitraries.of(PARTNER_COUNTRIES),
                Arbitraries.longs().between(0, 50_000_000).injectNull(0.2), partitions(), validity())
                .as((program, role, action, name, country, subscribers, partition, valid) -> {
                    // Subscribers are range-checked whenever present, so a negative count makes any event invalid.
                    Long count = valid ? subscribers : Long.valueOf(-1);
                    return action == OnboardingAction.LEFT
                            ? new PartnerStep(key, program, role, action, "", "", valid ? null : count, at, partition, valid)
                            : new PartnerStep(key, program, role, action, name, country, count, at, partition, valid);
                });
    }

    private static Arbitrary<Integer> partitions() {
        return Arbitraries.integers().between(0, PARTITIONS - 1);
    }

    private static Arbitrary<Boolean> validity() {
        return Arbitraries.frequency(Tuple.of(19, true), Tuple.of(1, false));
    }

    private static List<Step> concat(List<Step> first, List<Step> second) {
        var all = new ArrayList<Step>(first);
        all.addAll(second);
        return all;
    }

    private static List<Step> flatten(List<List<Step>> lists) {
        return lists.stream().flatMap(List::stream).toList();
    }
}
