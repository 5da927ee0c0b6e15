package com.cmobile.ecosystem.bench.chaos;

import com.cmobile.ecosystem.events.OnboardingAction;
import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import com.cmobile.ecosystem.events.PartnerRole;
import com.cmobile.ecosystem.events.PopAction;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.events.Program;
import com.cmobile.ecosystem.events.Topics;
import com.cmobile.ecosystem.validation.EventValidator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/**
 * A deterministic history for the fault-injection run: the same seed gives the same records in the
 * same order. It mixes commissions, capacity changes, moves, decommissions and recommissions of
 * PoPs; joins, updates, leaves and re-joins of partners in one or two programs; late events (older
 * than what the key already has), exact duplicates, and about {@code invalidShare} of records that
 * fail validation or do not decode.
 *
 * <p>Each key is published by one producer only, Java's or Confluent's Python client, so that the
 * order of a key's events is the order the history lists them, whatever the two producers do
 * relative to each other. Within a key no two distinct events share an {@code occurredAt}: the
 * ordering rule's tie-break (later arrival) then never decides a figure, except between a record
 * and its exact duplicate, where either order gives the same state.
 */
public final class ChaosHistory {

    /** Who publishes a record. */
    public enum Producer { JAVA, PYTHON }

    /** What the app must do with a record. */
    public enum Kind {
        /** Apply it (which may mean: ignore it as older than the key's state). */
        VALID,
        /** Decodes but fails validation: dead-lettered. */
        INVALID,
        /** Does not decode: dead-lettered. */
        UNDECODABLE
    }

    /**
     * One record to publish, in history order.
     *
     * @param event the event, or empty for an undecodable record (whose bytes {@link ChaosPublisher} makes)
     */
    public record Send(int index, String topic, String key, Producer producer, Kind kind, SpecificRecord event) {
    }

    private static final Instant FIRST = Instant.parse("2006-01-01T00:00:00Z");
    private static final String[] COUNTRIES = {
        "FR", "DE", "GB", "ES", "IT", "PL", "SE", "US", "CA", "MX", "BR", "AR", "CL", "CN", "JP", "KR", "SG",
        "IN", "ID", "TH", "VN", "AU", "NZ", "ZA", "NG", "EG", "KE", "AE", "SA", "TR"};
    private static final int CITIES_PER_COUNTRY = 3;
    private static final int BUSINESS_LOCATIONS = 12;
    private static final Program[] PROGRAMS = {
        Program.HAND_IN_HAND, Program.ISTAR, Program.GTI, Program.ECOSYSTEM_ALLIANCE};
    private static final double LATE_SHARE = 0.04;
    private static final double DUPLICATE_SHARE = 0.03;

    private final List<Send> sends;

    private ChaosHistory(List<Send> sends) {
        this.sends = List.copyOf(sends);
    }

    public List<Send> sends() {
        return sends;
    }

    public long count(Kind kind) {
        return sends.stream().filter(s -> s.kind() == kind).count();
    }

    public long count(Producer producer) {
        return sends.stream().filter(s -> s.producer() == producer).count();
    }

    /** Every PoP id of the history. */
    public List<String> popIds() {
        return sends.stream().filter(s -> s.topic().equals(Topics.POP_CAPACITY)).map(Send::key).distinct().sorted()
                .toList();
    }

    /** Every partner id of the history. */
    public List<String> partnerIds() {
        return sends.stream().filter(s -> s.topic().equals(Topics.PARTNER_ONBOARDING)).map(Send::key).distinct()
                .sorted().toList();
    }

    /** The countries PoPs and partners may be in. */
    public static List<String> countries() {
        return List.of(COUNTRIES);
    }

    /** The city names of a country, as the history spells them. */
    public static List<String> cities(String country) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= CITIES_PER_COUNTRY; i++) {
            names.add(country + " City " + i);
        }
        return names;
    }

    /**
     * @param now the instant the run starts: valid events happen before it, future-dated invalid ones
     *            a day after it
     */
    public static ChaosHistory generate(ChaosSettings settings, Instant now) {
        return new Generator(settings, now).generate();
    }

    private static final class Generator {

        private final ChaosSettings settings;
        private final Random random;
        private final Instant now;
        private final long span;
        private final EventValidator validator;
        private final Map<String, Producer> producerOf = new HashMap<>();
        private final Map<String, KeyTimeline> timelines = new HashMap<>();
        private final List<Send> sends = new ArrayList<>();

        Generator(ChaosSettings settings, Instant now) {
            this.settings = settings;
            this.random = new Random(settings.seed());
            this.now = now;
            // Valid events stay a day clear of now, so that no clock skew makes one future-dated.
            this.span = Duration.between(FIRST, now.minus(Duration.ofDays(1))).toMillis();
            this.validator = new EventValidator(java.time.Clock.fixed(now, java.time.ZoneOffset.UTC),
                    EventValidator.DEFAULT_FUTURE_TOLERANCE);
        }

        ChaosHistory generate() {
            for (int i = 0; i < settings.events(); i++) {
                boolean pop = random.nextInt(5) < 2;
                String key = pop ? String.format("chaos-pop-%04d", random.nextInt(settings.popKeys()))
                        : String.format("chaos-partner-%04d", random.nextInt(settings.partnerKeys()));
                Producer producer = producerOf.computeIfAbsent(key,
                        k -> random.nextDouble() < settings.pythonShare() ? Producer.PYTHON : Producer.JAVA);
                KeyTimeline timeline = timelines.computeIfAbsent(key, k -> new KeyTimeline());
                double roll = random.nextDouble();
                Send send;
                // Invalid records come from Java's producer (idempotent), so that each is in the DLQ exactly once
                // under exactly-once; a Python key's bad records are published by Java all the same.
                if (roll < settings.invalidShare()) {
                    send = invalid(i, pop, key, timeline);
                } else if (roll < settings.invalidShare() + DUPLICATE_SHARE && !timeline.sent.isEmpty()) {
                    SpecificRecord again = timeline.sent.get(random.nextInt(timeline.sent.size()));
                    send = new Send(i, topic(pop), key, producer, Kind.VALID, again);
                } else if (roll < settings.invalidShare() + DUPLICATE_SHARE + LATE_SHARE && timeline.sent.size() > 1) {
                    send = new Send(i, topic(pop), key, producer, Kind.VALID, late(pop, key, timeline));
                } else {
                    send = new Send(i, topic(pop), key, producer, Kind.VALID, next(pop, key, timeline));
                }
                check(send);
                if (send.kind() == Kind.VALID && !timeline.sent.contains(send.event())) {
                    timeline.sent.add(send.event());
                }
                sends.add(send);
            }
            return new ChaosHistory(sends);
        }

        private static String topic(boolean pop) {
            return pop ? Topics.POP_CAPACITY : Topics.PARTNER_ONBOARDING;
        }

        /** The key's next event, after everything it had. */
        private SpecificRecord next(boolean pop, String key, KeyTimeline timeline) {
            long step = 1 + (long) (random.nextDouble() * span / Math.max(8.0, settings.events() / 60.0));
            long at = timeline.latest < 0 ? FIRST.toEpochMilli() + (long) (random.nextDouble() * span / 2)
                    : timeline.latest + step;
            at = Math.min(at, FIRST.toEpochMilli() + span);
            at = timeline.unused(at);
            timeline.latest = Math.max(timeline.latest, at);
            return pop ? nextPop(key, timeline, Instant.ofEpochMilli(at)) : nextMembership(key, timeline,
                    Instant.ofEpochMilli(at));
        }

        /** An event older than the key's latest one, at a time the key has not used. */
        private SpecificRecord late(boolean pop, String key, KeyTimeline timeline) {
            long at = timeline.unused(timeline.earliest + (long) (random.nextDouble()
                    * Math.max(1, timeline.latest - timeline.earliest)));
            if (at >= timeline.latest) {
                at = timeline.unused(timeline.earliest - 1 - random.nextInt(1_000_000));
            }
            Instant when = Instant.ofEpochMilli(at);
            return pop ? pop(key, randomPopAction(), when) : membership(key, randomProgram(), randomOnboardingAction(),
                    when);
        }

        private SpecificRecord nextPop(String key, KeyTimeline timeline, Instant at) {
            PopAction action;
            if (!timeline.active) {
                action = PopAction.COMMISSIONED;
            } else {
                int r = random.nextInt(10);
                action = r < 6 ? PopAction.CAPACITY_CHANGED : r < 8 ? PopAction.COMMISSIONED : PopAction.DECOMMISSIONED;
            }
            timeline.active = action != PopAction.DECOMMISSIONED;
            return pop(key, action, at);
        }

        private SpecificRecord nextMembership(String key, KeyTimeline timeline, Instant at) {
            // A partner plays in one or two programs; the key's programs are fixed by its number.
            int number = Integer.parseInt(key.substring(key.lastIndexOf('-') + 1));
            Program program = PROGRAMS[(number + (random.nextInt(4) == 0 ? 1 : 0)) % PROGRAMS.length];
            boolean active = timeline.activePrograms.contains(program);
            OnboardingAction action;
            if (!active) {
                action = OnboardingAction.JOINED;
            } else {
                int r = random.nextInt(10);
                action = r < 5 ? OnboardingAction.UPDATED : r < 7 ? OnboardingAction.JOINED : OnboardingAction.LEFT;
            }
            if (action == OnboardingAction.LEFT) {
                timeline.activePrograms.remove(program);
            } else {
                timeline.activePrograms.add(program);
            }
            return membership(key, program, action, at);
        }

        private PopCapacityEvent pop(String key, PopAction action, Instant at) {
            String country = COUNTRIES[random.nextInt(COUNTRIES.length)];
            // Most changes keep the PoP where it is; some move it to another city, country and location.
            int home = Math.floorMod(key.hashCode(), COUNTRIES.length);
            if (random.nextInt(4) != 0) {
                country = COUNTRIES[home];
            }
            List<String> cities = cities(country);
            return PopCapacityEvent.newBuilder()
                    .setEventId(new UUID(random.nextLong(), random.nextLong()))
                    .setPopId(key)
                    .setAction(action)
                    .setCity(cities.get(random.nextInt(cities.size())))
                    .setCountry(country)
                    .setBusinessLocation("Location " + (1 + random.nextInt(BUSINESS_LOCATIONS)))
                    .setCapacityMbps(action == PopAction.DECOMMISSIONED ? 0 : 1_000L * (1 + random.nextInt(400)))
                    .setOccurredAt(at)
                    .setSource("chaos")
                    .build();
        }

        private PartnerOnboardingEvent membership(String key, Program program, OnboardingAction action, Instant at) {
            PartnerRole role = random.nextInt(3) == 0 ? PartnerRole.MEMBER : PartnerRole.PARTNER;
            return PartnerOnboardingEvent.newBuilder()
                    .setEventId(new UUID(random.nextLong(), random.nextLong()))
                    .setPartnerId(key)
                    .setPartnerName("Partner " + key.substring(key.lastIndexOf('-') + 1))
                    .setProgram(program)
                    .setRole(role)
                    .setAction(action)
                    .setCountry(COUNTRIES[random.nextInt(COUNTRIES.length)])
                    .setSubscribers(program == Program.HAND_IN_HAND && role == PartnerRole.MEMBER
                            ? 1_000_000L * (1 + random.nextInt(300)) : null)
                    .setOccurredAt(at)
                    .setSource("chaos")
                    .build();
        }

        private Send invalid(int index, boolean pop, String key, KeyTimeline timeline) {
            Instant at = Instant.ofEpochMilli(FIRST.toEpochMilli() + (long) (random.nextDouble() * span));
            int flavour = random.nextInt(6);
            if (flavour == 5) {
                return new Send(index, topic(pop), key, Producer.JAVA, Kind.UNDECODABLE, null);
            }
            if (pop) {
                PopCapacityEvent event = pop(key, PopAction.CAPACITY_CHANGED, at);
                switch (flavour) {
                    case 0 -> event.setCountry("ZZ");
                    case 1 -> event.setCapacityMbps(-1_000L);
                    case 2 -> event.setCity(" ");
                    case 3 -> event.setAction(PopAction.UNKNOWN);
                    default -> event.setOccurredAt(now.plus(Duration.ofDays(1)));
                }
                return new Send(index, topic(true), key, Producer.JAVA, Kind.INVALID, event);
            }
            PartnerOnboardingEvent event = membership(key, randomProgram(), OnboardingAction.UPDATED, at);
            switch (flavour) {
                case 0 -> event.setCountry("ZZ");
                case 1 -> event.setSubscribers(-5L);
                case 2 -> event.setPartnerName("");
                case 3 -> event.setProgram(Program.UNKNOWN);
                default -> event.setOccurredAt(now.plus(Duration.ofDays(1)));
            }
            return new Send(index, topic(false), key, Producer.JAVA, Kind.INVALID, event);
        }

        private PopAction randomPopAction() {
            PopAction[] actions = {PopAction.COMMISSIONED, PopAction.CAPACITY_CHANGED, PopAction.DECOMMISSIONED};
            return actions[random.nextInt(actions.length)];
        }

        private OnboardingAction randomOnboardingAction() {
            OnboardingAction[] actions = {OnboardingAction.JOINED, OnboardingAction.UPDATED, OnboardingAction.LEFT};
            return actions[random.nextInt(actions.length)];
        }

        private Program randomProgram() {
            return PROGRAMS[random.nextInt(PROGRAMS.length)];
        }

        /** The generator's own promise: valid records pass the app's validation, invalid ones do not. */
        private void check(Send send) {
            if (send.kind() == Kind.UNDECODABLE) {
                return;
            }
            boolean valid = send.event() instanceof PopCapacityEvent pop ? validator.validate(pop).isEmpty()
                    : validator.validate((PartnerOnboardingEvent) send.event()).isEmpty();
            if (valid != (send.kind() == Kind.VALID)) {
                throw new IllegalStateException("generated a " + send.kind() + " record that validation "
                        + (valid ? "accepts" : "rejects") + ": " + send.event());
            }
        }
    }

    /** What the generator remembers of one key. */
    private static final class KeyTimeline {
        final List<SpecificRecord> sent = new ArrayList<>();
        final Set<Long> used = new HashSet<>();
        final Set<Program> activePrograms = new HashSet<>();
        long earliest = Long.MAX_VALUE;
        long latest = -1;
        boolean active;

        /** {@code at}, or the next millisecond this key has not used yet. */
        long unused(long at) {
            long t = at;
            while (used.contains(t)) {
                t++;
            }
            used.add(t);
            earliest = Math.min(earliest, t);
            return t;
        }
    }
}
