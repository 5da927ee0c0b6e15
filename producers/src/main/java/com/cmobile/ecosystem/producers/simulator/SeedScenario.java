package com.cmobile.ecosystem.producers.simulator;

import com.cmobile.ecosystem.events.OnboardingAction;
import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import com.cmobile.ecosystem.events.PartnerRole;
import com.cmobile.ecosystem.events.PopAction;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.events.Program;
import com.cmobile.ecosystem.geo.Countries;
import com.cmobile.ecosystem.geo.Region;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

/**
 * The seed scenario: the figures of the CMobile announcement, reached through dated histories.
 *
 * <p>Once every event is applied (latest state per key by {@code occurredAt}), the aggregates are
 * exactly the constants below: {@value #ACTIVE_POPS} active PoPs in {@value #POP_CITIES} real cities
 * of all regions, {@value #BUSINESS_LOCATIONS} business locations, {@value #TOTAL_CAPACITY_MBPS} Mbps
 * (310 Tbps) in total; HAND_IN_HAND {@value #HAND_IN_HAND_MEMBERS} members serving
 * {@value #HAND_IN_HAND_SUBSCRIBERS} subscribers; ISTAR {@value #ISTAR_PARTNERS} partners; GTI
 * {@value #GTI_MEMBERS} members and {@value #GTI_PARTNERS} partners; ECOSYSTEM_ALLIANCE
 * {@value #ECOSYSTEM_ALLIANCE_FOUNDING_MEMBERS} founding members.
 *
 * <p>On the way there: programs grow since 2006, PoPs are re-sized, some move city, some close for
 * good and a few re-open, partners update their figures, a few leave for good, a few leave and re-join,
 * GTI partners are promoted to members. Each key's history is in time order; different keys are
 * interleaved out of time order, like a backfill.
 *
 * <p>Pure and deterministic: no I/O but the bundled city list, no clock; every run yields equal
 * events with equal eventIds, so publishing it twice changes no aggregate. The event objects are
 * Avro records and therefore mutable: treat them as read-only.
 */
public final class SeedScenario {

    public static final int ACTIVE_POPS = 360;
    public static final int POP_CITIES = 284;
    public static final int BUSINESS_LOCATIONS = 40;
    public static final long TOTAL_CAPACITY_MBPS = 310_000_000L;
    public static final int HAND_IN_HAND_MEMBERS = 29;
    public static final long HAND_IN_HAND_SUBSCRIBERS = 3_052_400_000L;
    public static final int ISTAR_PARTNERS = 500;
    public static final int GTI_MEMBERS = 147;
    public static final int GTI_PARTNERS = 242;
    public static final int ECOSYSTEM_ALLIANCE_FOUNDING_MEMBERS = 12;
    /** The {@code source} of every seed event. */
    public static final String SOURCE = "seed-simulator";

    private static final long SEED = 20_060_101L;
    private static final long GBPS = 1_000L;
    private static final long STEP_MBPS = 10 * GBPS;
    private static final long MIN_FINAL_MBPS = 100 * GBPS;
    private static final long MAX_MBPS = 10_000 * GBPS;
    /** Nothing in the seed happens after this, so it is never "in the future" for the validator. */
    static final Instant END = at(2025, 6, 30);
    private static final Instant ALLIANCE_FOUNDED = Instant.parse("2025-02-26T09:00:00Z");
    private static final String[] NAME_SUFFIXES = {"Telecom", "Mobile", "Networks", "Digital", "Connect",
        "Communications", "Wireless", "Telecom Group", "Cellular", "Broadband", "Infocomm", "Link"};

    private final List<PopCapacityEvent> popEvents;
    private final List<PartnerOnboardingEvent> partnerEvents;

    private SeedScenario(List<PopCapacityEvent> popEvents, List<PartnerOnboardingEvent> partnerEvents) {
        this.popEvents = Collections.unmodifiableList(popEvents);
        this.partnerEvents = Collections.unmodifiableList(partnerEvents);
    }

    /** Generates the scenario from the bundled city list. */
    public static SeedScenario generate() {
        List<SeedCity> cities = SeedCity.bundled();
        var pops = new PopHistories(cities, new Random(SEED)).build();
        var partners = new PartnerHistories(cities, new Random(SEED + 1)).build();
        return new SeedScenario(
                interleave(pops, new Random(SEED + 2), PopCapacityEvent::getPopId),
                interleave(partners, new Random(SEED + 3), PartnerOnboardingEvent::getPartnerId));
    }

    /** Every PoP event, in publication order. */
    public List<PopCapacityEvent> popEvents() {
        return popEvents;
    }

    /** Every partner event, in publication order. */
    public List<PartnerOnboardingEvent> partnerEvents() {
        return partnerEvents;
    }

    /** Merges per-key histories in a random (seeded) order that keeps each key's own order. */
    private static <E> List<E> interleave(List<E> events, Random random, Function<E, String> key) {
        var byKey = new LinkedHashMap<String, ArrayDeque<E>>();
        events.forEach(e -> byKey.computeIfAbsent(key.apply(e), k -> new ArrayDeque<>()).add(e));
        var queues = new ArrayList<>(byKey.values());
        var merged = new ArrayList<E>(events.size());
        while (!queues.isEmpty()) {
            int pick = random.nextInt(queues.size());
            var queue = queues.get(pick);
            merged.add(queue.poll());
            if (queue.isEmpty()) {
                queues.set(pick, queues.get(queues.size() - 1));
                queues.remove(queues.size() - 1);
            }
        }
        return merged;
    }

    static Instant at(int year, int month, int day) {
        return LocalDate.of(year, month, day).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** A time in [from, to), on a whole minute (events from real systems rarely carry odd seconds). */
    static Instant between(Random random, Instant from, Instant to) {
        long minutes = Math.max(1, ChronoUnit.MINUTES.between(from, to));
        return from.plus(Math.floorMod(random.nextLong(), minutes), ChronoUnit.MINUTES);
    }

    /** The i-th eventId of a key: stable across runs. */
    static UUID eventId(String key, int index) {
        return UUID.nameUUIDFromBytes(("seed-scenario/v1|" + key + "|" + index).getBytes(StandardCharsets.UTF_8));
    }

    private static long roundToStep(double mbps, long step) {
        return Math.round(mbps / step) * step;
    }

    /** Builds the PoP histories. */
    private static final class PopHistories {
        private final List<SeedCity> cities;
        private final Random random;
        private final List<PopCapacityEvent> events = new ArrayList<>();
        private final Map<Region, List<SeedCity>> officesByRegion = new EnumMap<>(Region.class);

        PopHistories(List<SeedCity> cities, Random random) {
            this.cities = cities;
            this.random = random;
            for (SeedCity city : cities) {
                if (city.office()) {
                    officesByRegion.computeIfAbsent(region(city), r -> new ArrayList<>()).add(city);
                }
            }
        }

        List<PopCapacityEvent> build() {
            List<SeedCity> sites = sites();
            long[] finals = finalCapacities(sites);
            for (int i = 0; i < sites.size(); i++) {
                String popId = String.format("pop-%03d", i + 1);
                SeedCity city = sites.get(i);
                if (i % 97 == 41) {
                    reopened(popId, city, finals[i]);
                } else if (i % 29 == 13) {
                    moved(popId, cities.get(Math.floorMod(cities.indexOf(city) - 1, cities.size())), city, finals[i]);
                } else {
                    grown(popId, city, finals[i]);
                }
            }
            for (int j = 0; j < 10; j++) {
                closed(String.format("pop-%03d", sites.size() + j + 1), cities.get((j * 37 + 11) % cities.size()));
            }
            return events;
        }

        /** One site per PoP: every city once, a second PoP in 40 regional hubs, three in global hubs. */
        private List<SeedCity> sites() {
            var sites = new ArrayList<SeedCity>();
            int secondPops = ACTIVE_POPS - cities.size() - 2 * (int) cities.stream().filter(c -> c.tier() == 1).count();
            for (SeedCity city : cities) {
                sites.add(city);
                if (city.tier() == 1) {
                    sites.add(city);
                    sites.add(city);
                } else if (city.tier() == 2 && secondPops > 0) {
                    sites.add(city);
                    secondPops--;
                }
            }
            if (sites.size() != ACTIVE_POPS) {
                throw new IllegalStateException("seed city list yields " + sites.size() + " PoPs, not " + ACTIVE_POPS);
            }
            return sites;
        }

        /** Plausible capacities by tier, scaled so that they add up to exactly 310 Tbps. */
        private long[] finalCapacities(List<SeedCity> sites) {
            double[] raw = new double[sites.size()];
            double rawTotal = 0;
            for (int i = 0; i < raw.length; i++) {
                raw[i] = switch (sites.get(i).tier()) {
                    case 1 -> 1_500 + random.nextInt(3_501);
                    case 2 -> 400 + random.nextInt(1_201);
                    default -> 100 + random.nextInt(201);
                } * GBPS;
                rawTotal += raw[i];
            }
            long[] capacity = new long[raw.length];
            long total = 0;
            for (int i = 0; i < raw.length; i++) {
                long scaled = roundToStep(raw[i] * TOTAL_CAPACITY_MBPS / rawTotal, STEP_MBPS);
                capacity[i] = Math.max(MIN_FINAL_MBPS, Math.min(MAX_MBPS, scaled));
                total += capacity[i];
            }
            // Rounding leaves a remainder of a few steps: the global hubs absorb it, one step each.
            long remainder = TOTAL_CAPACITY_MBPS - total;
            for (int i = 0; remainder != 0; i = (i + 1) % raw.length) {
                if (sites.get(i).tier() == 1) {
                    long step = remainder > 0 ? STEP_MBPS : -STEP_MBPS;
                    capacity[i] += step;
                    remainder -= step;
                }
            }
            return capacity;
        }

        /** Commissioned small, re-sized upwards over the years to its final capacity. */
        private void grown(String popId, SeedCity city, long finalMbps) {
            Instant commissioned = commissionDate(city.tier());
            int resizes = switch (city.tier()) {
                case 1 -> 2 + random.nextInt(3);
                case 2 -> 1 + random.nextInt(3);
                default -> random.nextInt(3);
            };
            List<Instant> dates = dates(commissioned, resizes);
            var history = new ArrayList<PopCapacityEvent>();
            history.add(pop(popId, PopAction.COMMISSIONED, city, capacityBefore(finalMbps, resizes), dates.get(0)));
            for (int step = 1; step <= resizes; step++) {
                history.add(pop(popId, PopAction.CAPACITY_CHANGED, city, capacityBefore(finalMbps, resizes - step),
                        dates.get(step)));
            }
            addHistory(popId, history);
        }

        /** Commissioned in a neighbouring city, later moved (a re-size carrying the new city). */
        private void moved(String popId, SeedCity from, SeedCity to, long finalMbps) {
            Instant commissioned = commissionDate(Math.max(from.tier(), 2));
            List<Instant> dates = dates(commissioned, 2);
            addHistory(popId, List.of(
                    pop(popId, PopAction.COMMISSIONED, from, capacityBefore(finalMbps, 2), dates.get(0)),
                    pop(popId, PopAction.CAPACITY_CHANGED, from, capacityBefore(finalMbps, 1), dates.get(1)),
                    pop(popId, PopAction.CAPACITY_CHANGED, to, finalMbps, dates.get(2))));
        }

        /** Commissioned, closed for a while, commissioned again at its final capacity. */
        private void reopened(String popId, SeedCity city, long finalMbps) {
            List<Instant> dates = dates(commissionDate(3), 2);
            addHistory(popId, List.of(
                    pop(popId, PopAction.COMMISSIONED, city, capacityBefore(finalMbps, 2), dates.get(0)),
                    decommissioned(popId, dates.get(1)),
                    pop(popId, PopAction.COMMISSIONED, city, finalMbps, dates.get(2))));
        }

        /** A PoP that no longer exists: commissioned, re-sized, decommissioned. */
        private void closed(String popId, SeedCity city) {
            List<Instant> dates = dates(commissionDate(3), 2);
            long capacity = (10 + random.nextInt(30)) * STEP_MBPS;
            addHistory(popId, List.of(
                    pop(popId, PopAction.COMMISSIONED, city, capacity, dates.get(0)),
                    pop(popId, PopAction.CAPACITY_CHANGED, city, 2 * capacity, dates.get(1)),
                    decommissioned(popId, dates.get(2))));
        }

        private Instant commissionDate(int tier) {
            Instant from = switch (tier) {
                case 1 -> at(2006, 1, 1);
                case 2 -> at(2008, 1, 1);
                default -> at(2010, 1, 1);
            };
            Instant to = switch (tier) {
                case 1 -> at(2011, 1, 1);
                case 2 -> at(2017, 1, 1);
                default -> at(2023, 1, 1);
            };
            return between(random, from, to);
        }

        /** The commission date and {@code later} strictly increasing dates after it, before {@link #END}. */
        private List<Instant> dates(Instant first, int later) {
            var dates = new ArrayList<Instant>(later + 1);
            dates.add(first);
            Instant previous = first;
            for (int i = 0; i < later; i++) {
                // Each step takes a share of the time left, so the last one still lands before END.
                Instant limit = previous.plus(ChronoUnit.DAYS.between(previous, END) / (later - i), ChronoUnit.DAYS);
                Instant next = between(random, previous.plus(30, ChronoUnit.DAYS), limit);
                dates.add(next);
                previous = next;
            }
            return dates;
        }

        /** Capacity {@code halvings} re-sizes before the final one: halves, rounded to 10 Gbps. */
        private static long capacityBefore(long finalMbps, int halvings) {
            return Math.max(STEP_MBPS, roundToStep(finalMbps / Math.pow(2, halvings), STEP_MBPS));
        }

        private void addHistory(String popId, List<PopCapacityEvent> history) {
            for (int i = 0; i < history.size(); i++) {
                PopCapacityEvent event = history.get(i);
                event.setEventId(eventId(popId, i));
                events.add(event);
            }
        }

        private PopCapacityEvent pop(String popId, PopAction action, SeedCity city, long mbps, Instant when) {
            return PopCapacityEvent.newBuilder()
                    .setEventId(new UUID(0, 0)) // replaced by addHistory with the stable id
                    .setPopId(popId).setAction(action)
                    .setCity(city.city()).setCountry(city.country()).setBusinessLocation(operator(city))
                    .setCapacityMbps(mbps).setOccurredAt(when).setSource(SOURCE)
                    .build();
        }

        private static PopCapacityEvent decommissioned(String popId, Instant when) {
            return PopCapacityEvent.newBuilder()
                    .setEventId(new UUID(0, 0))
                    .setPopId(popId).setAction(PopAction.DECOMMISSIONED)
                    .setCity("").setCountry("").setBusinessLocation("")
                    .setCapacityMbps(0).setOccurredAt(when).setSource(SOURCE)
                    .build();
        }

        /**
         * The business location in the city if there is one, else the nearest one in the same country,
         * else in the same region. "Nearest" is by position in the city file, which lists cities
         * grouped by sub-region and country, a fair stand-in for distance without coordinates.
         */
        private String operator(SeedCity city) {
            if (city.office()) {
                return city.officeName();
            }
            int position = cities.indexOf(city);
            SeedCity best = null;
            int bestScore = Integer.MAX_VALUE;
            for (SeedCity office : officesByRegion.getOrDefault(region(city), List.of())) {
                int score = Math.abs(cities.indexOf(office) - position)
                        + (office.country().equals(city.country()) ? 0 : cities.size());
                if (score < bestScore) {
                    best = office;
                    bestScore = score;
                }
            }
            if (best == null) {
                throw new IllegalStateException("no business location in the region of " + city);
            }
            return best.officeName();
        }

        private static Region region(SeedCity city) {
            return Countries.regionOf(city.country()).orElseThrow(() ->
                    new IllegalStateException("seed city " + city + " has an unknown country code"));
        }
    }

    /** Builds the partner histories of the four programs. */
    private static final class PartnerHistories {
        private final List<SeedCity> cities;
        private final Random random;
        private final List<PartnerOnboardingEvent> events = new ArrayList<>();

        PartnerHistories(List<SeedCity> cities, Random random) {
            this.cities = cities;
            this.random = random;
        }

        List<PartnerOnboardingEvent> build() {
            handInHand();
            istar();
            gti();
            ecosystemAlliance();
            return events;
        }

        /** 29 operators serving 3.05 billion subscribers; two left, two left and came back. */
        private void handInHand() {
            long[] subscribers = subscriberShares();
            for (int i = 0; i < HAND_IN_HAND_MEMBERS + 2; i++) {
                String id = String.format("HIH-%03d", i + 1);
                Identity who = identity(Program.HAND_IN_HAND, i);
                Instant joined = between(random, at(2006, 1, 1), at(2022, 1, 1));
                boolean member = i < HAND_IN_HAND_MEMBERS;
                long finalSubscribers = member ? subscribers[i] : 5_000_000L + random.nextInt(20) * 1_000_000L;
                List<Instant> dates = datesAfter(joined, 4);
                var history = new ArrayList<PartnerOnboardingEvent>();
                history.add(partner(id, who, Program.HAND_IN_HAND, PartnerRole.MEMBER, OnboardingAction.JOINED,
                        roundSubscribers(finalSubscribers * 0.55), dates.get(0)));
                history.add(partner(id, who, Program.HAND_IN_HAND, PartnerRole.MEMBER, OnboardingAction.UPDATED,
                        roundSubscribers(finalSubscribers * 0.8), dates.get(1)));
                if (!member) {
                    history.add(left(id, Program.HAND_IN_HAND, PartnerRole.MEMBER, dates.get(2)));
                } else if (i == 6 || i == 18) {
                    history.add(left(id, Program.HAND_IN_HAND, PartnerRole.MEMBER, dates.get(2)));
                    history.add(partner(id, who, Program.HAND_IN_HAND, PartnerRole.MEMBER, OnboardingAction.JOINED,
                            finalSubscribers, dates.get(3)));
                } else {
                    history.add(partner(id, who, Program.HAND_IN_HAND, PartnerRole.MEMBER, OnboardingAction.UPDATED,
                            finalSubscribers, dates.get(2)));
                }
                addHistory(id, history);
            }
        }

        /** 500 partners since 2012; six left, five left and re-joined. */
        private void istar() {
            for (int i = 0; i < ISTAR_PARTNERS + 6; i++) {
                String id = String.format("ISTAR-%04d", i + 1);
                Identity who = identity(Program.ISTAR, i);
                Instant joined = between(random, growthStart(at(2012, 1, 1), i, ISTAR_PARTNERS), END.minus(60, ChronoUnit.DAYS));
                List<Instant> dates = datesAfter(joined, 3);
                var history = new ArrayList<PartnerOnboardingEvent>();
                history.add(partner(id, who, Program.ISTAR, PartnerRole.PARTNER, OnboardingAction.JOINED, null, dates.get(0)));
                if (i >= ISTAR_PARTNERS) {
                    history.add(left(id, Program.ISTAR, PartnerRole.PARTNER, dates.get(1)));
                } else if (i % 100 == 37) {
                    history.add(left(id, Program.ISTAR, PartnerRole.PARTNER, dates.get(1)));
                    history.add(partner(id, who, Program.ISTAR, PartnerRole.PARTNER, OnboardingAction.JOINED, null,
                            dates.get(2)));
                }
                addHistory(id, history);
            }
        }

        /**
         * GTI since 2011: 142 members and 247 partners joined, five partners were later promoted to
         * members (147 and 242 in the end); three members and four partners left for good, a few left and re-joined.
         */
        private void gti() {
            int members = GTI_MEMBERS - 5 + 3;
            int partners = GTI_PARTNERS + 5 + 4;
            for (int i = 0; i < members + partners; i++) {
                String id = String.format("GTI-%04d", i + 1);
                Identity who = identity(Program.GTI, i);
                boolean isMember = i < members;
                int indexInRole = isMember ? i : i - members;
                PartnerRole role = isMember ? PartnerRole.MEMBER : PartnerRole.PARTNER;
                Instant joined = between(random, growthStart(at(2011, 1, 1), indexInRole, isMember ? members : partners),
                        END.minus(60, ChronoUnit.DAYS));
                List<Instant> dates = datesAfter(joined, 3);
                var history = new ArrayList<PartnerOnboardingEvent>();
                history.add(partner(id, who, Program.GTI, role, OnboardingAction.JOINED, null, dates.get(0)));
                boolean leaver = isMember ? indexInRole >= members - 3 : indexInRole >= partners - 4;
                if (leaver) {
                    history.add(left(id, Program.GTI, role, dates.get(1)));
                } else if (!isMember && indexInRole % 40 == 5 && indexInRole < 200) {
                    history.add(partner(id, who, Program.GTI, PartnerRole.MEMBER, OnboardingAction.UPDATED, null,
                            dates.get(1)));
                } else if (indexInRole % 50 == 21) {
                    history.add(left(id, Program.GTI, role, dates.get(1)));
                    history.add(partner(id, who, Program.GTI, role, OnboardingAction.JOINED, null, dates.get(2)));
                }
                addHistory(id, history);
            }
        }

        /** The founding members, all joining on the founding day. */
        private void ecosystemAlliance() {
            for (int i = 0; i < ECOSYSTEM_ALLIANCE_FOUNDING_MEMBERS; i++) {
                String id = String.format("EA-%02d", i + 1);
                addHistory(id, List.of(partner(id, identity(Program.ECOSYSTEM_ALLIANCE, i), Program.ECOSYSTEM_ALLIANCE,
                        PartnerRole.MEMBER, OnboardingAction.JOINED, null, ALLIANCE_FOUNDED)));
            }
        }

        /**
         * Later joiners start later: the i-th of n joins after a date that moves from {@code first}
         * towards the end, so membership grows over the years rather than all at once.
         */
        private static Instant growthStart(Instant first, int i, int n) {
            long span = ChronoUnit.DAYS.between(first, END.minus(90, ChronoUnit.DAYS));
            return first.plus(span * i / n * 3 / 4, ChronoUnit.DAYS);
        }

        /** Subscriber counts of the 29 members: 10 to 400 million each, adding up to the announced total. */
        private long[] subscriberShares() {
            double[] raw = new double[HAND_IN_HAND_MEMBERS];
            double total = 0;
            for (int i = 0; i < raw.length; i++) {
                raw[i] = 10 + random.nextInt(390);
                total += raw[i];
            }
            long[] shares = new long[raw.length];
            long sum = 0;
            for (int i = 0; i < raw.length; i++) {
                shares[i] = roundSubscribers(raw[i] * HAND_IN_HAND_SUBSCRIBERS / total);
                sum += shares[i];
            }
            shares[0] += HAND_IN_HAND_SUBSCRIBERS - sum; // rounding remainder, a few hundred thousand at most
            return shares;
        }

        private static long roundSubscribers(double subscribers) {
            return roundToStep(subscribers, 100_000);
        }

        /** {@code first} and {@code later} strictly increasing dates after it, all before {@link #END}. */
        private List<Instant> datesAfter(Instant first, int later) {
            var dates = new ArrayList<Instant>(later + 1);
            dates.add(first);
            Instant previous = first;
            for (int i = 0; i < later; i++) {
                Instant limit = previous.plus(Math.max(2, ChronoUnit.DAYS.between(previous, END) / (later - i)),
                        ChronoUnit.DAYS);
                Instant next = between(random, previous.plus(1, ChronoUnit.DAYS), limit.isAfter(END) ? END : limit);
                dates.add(next);
                previous = next;
            }
            return dates;
        }

        private Identity identity(Program program, int i) {
            SeedCity city = cities.get(Math.floorMod(i * 7 + program.ordinal() * 31, cities.size()));
            String suffix = NAME_SUFFIXES[(i / cities.size() + program.ordinal() * 5 + i) % NAME_SUFFIXES.length];
            return new Identity(city.city() + " " + suffix, city.country());
        }

        private void addHistory(String partnerId, List<PartnerOnboardingEvent> history) {
            for (int i = 0; i < history.size(); i++) {
                history.get(i).setEventId(eventId(partnerId, i));
                events.add(history.get(i));
            }
        }

        private static PartnerOnboardingEvent partner(String id, Identity who, Program program, PartnerRole role,
                                                      OnboardingAction action, Long subscribers, Instant when) {
            return PartnerOnboardingEvent.newBuilder()
                    .setEventId(new UUID(0, 0))
                    .setPartnerId(id).setPartnerName(who.name()).setCountry(who.country())
                    .setProgram(program).setRole(role).setAction(action)
                    .setSubscribers(subscribers).setOccurredAt(when).setSource(SOURCE)
                    .build();
        }

        private static PartnerOnboardingEvent left(String id, Program program, PartnerRole role, Instant when) {
            return PartnerOnboardingEvent.newBuilder()
                    .setEventId(new UUID(0, 0))
                    .setPartnerId(id).setPartnerName("").setCountry("")
                    .setProgram(program).setRole(role).setAction(OnboardingAction.LEFT)
                    .setSubscribers(null).setOccurredAt(when).setSource(SOURCE)
                    .build();
        }

        private record Identity(String name, String country) {
        }
    }

    @Override
    public String toString() {
        return "SeedScenario[" + popEvents.size() + " PoP events, " + partnerEvents.size() + " partner events]";
    }
}
