package com.cmobile.ecosystem.producers.simulator;

import com.cmobile.ecosystem.events.OnboardingAction;
import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import com.cmobile.ecosystem.events.PartnerRole;
import com.cmobile.ecosystem.events.PopAction;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.events.Program;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/**
 * An endless, valid, random stream of both event kinds for benchmarks and demos: PoPs commissioned,
 * re-sized and decommissioned, partners joining, updating and leaving, about 3% of events late (up
 * to two hours old). It keeps the state of its own keys so that every event makes sense: only an
 * active PoP is re-sized, only a member leaves. Keys are {@code load-pop-NNNNN} and
 * {@code load-partner-NNNNN}, apart from the seed's.
 *
 * <p>Pure given its seed and the times passed in. Not thread-safe.
 */
public final class LoadGenerator {

    static final String SOURCE = "load-simulator";
    private static final double LATE_SHARE = 0.03;
    private static final long MAX_LATENESS_MS = Duration.ofHours(2).toMillis();
    private static final Program[] PROGRAMS = {Program.HAND_IN_HAND, Program.ISTAR, Program.GTI, Program.ECOSYSTEM_ALLIANCE};

    private final Random random;
    private final List<SeedCity> cities;
    private final List<SeedCity> offices;
    private final int popKeys;
    private final int partnerKeys;
    private final Map<Integer, PopCapacityEvent> activePops = new HashMap<>();
    private final Map<Integer, PartnerOnboardingEvent> activePartners = new HashMap<>();

    /**
     * @param seed random seed: the same seed and times give the same stream
     * @param popKeys how many distinct PoPs the stream plays with
     * @param partnerKeys how many distinct partners
     */
    public LoadGenerator(long seed, int popKeys, int partnerKeys) {
        if (popKeys < 1 || partnerKeys < 1) {
            throw new IllegalArgumentException("need at least one PoP and one partner key, got " + popKeys + " and " + partnerKeys);
        }
        this.random = new Random(seed);
        this.cities = SeedCity.bundled();
        this.offices = cities.stream().filter(SeedCity::office).toList();
        this.popKeys = popKeys;
        this.partnerKeys = partnerKeys;
    }

    /** A generator over 10,000 PoPs and 20,000 partners. */
    public static LoadGenerator withSeed(long seed) {
        return new LoadGenerator(seed, 10_000, 20_000);
    }

    /**
     * The next event, happening at {@code now} (or a little earlier for a late one). Either a
     * {@link PopCapacityEvent} or a {@link PartnerOnboardingEvent}, half and half.
     */
    public SpecificRecord next(Instant now) {
        Instant occurredAt = random.nextDouble() < LATE_SHARE
                ? now.minusMillis(1 + Math.floorMod(random.nextLong(), MAX_LATENESS_MS))
                : now;
        return random.nextBoolean() ? nextPop(occurredAt) : nextPartner(occurredAt);
    }

    private PopCapacityEvent nextPop(Instant at) {
        int n = random.nextInt(popKeys);
        String popId = String.format("load-pop-%05d", n);
        PopCapacityEvent current = activePops.get(n);
        PopCapacityEvent event;
        if (current == null) {
            SeedCity city = randomCity();
            event = pop(popId, PopAction.COMMISSIONED, city.city(), city.country(), operator(city), capacity(), at);
            activePops.put(n, event);
        } else if (random.nextInt(10) < 8) {
            event = pop(popId, PopAction.CAPACITY_CHANGED, current.getCity(), current.getCountry(),
                    current.getBusinessLocation(), capacity(), at);
            activePops.put(n, event);
        } else {
            event = pop(popId, PopAction.DECOMMISSIONED, "", "", "", 0, at);
            activePops.remove(n);
        }
        return event;
    }

    private PartnerOnboardingEvent nextPartner(Instant at) {
        int n = random.nextInt(partnerKeys);
        String partnerId = String.format("load-partner-%05d", n);
        PartnerOnboardingEvent current = activePartners.get(n);
        PartnerOnboardingEvent event;
        if (current == null) {
            SeedCity city = randomCity();
            Program program = PROGRAMS[random.nextInt(PROGRAMS.length)];
            PartnerRole role = random.nextBoolean() ? PartnerRole.MEMBER : PartnerRole.PARTNER;
            event = partner(partnerId, city.city() + " Load Telecom " + n, program, role, OnboardingAction.JOINED,
                    city.country(), subscribers(program), at);
            activePartners.put(n, event);
        } else if (random.nextInt(10) < 7) {
            event = partner(partnerId, current.getPartnerName(), current.getProgram(), current.getRole(),
                    OnboardingAction.UPDATED, current.getCountry(), subscribers(current.getProgram()), at);
            activePartners.put(n, event);
        } else {
            event = partner(partnerId, "", current.getProgram(), current.getRole(), OnboardingAction.LEFT, "", null, at);
            activePartners.remove(n);
        }
        return event;
    }

    private SeedCity randomCity() {
        return cities.get(random.nextInt(cities.size()));
    }

    /** The business location in the same country if there is one, else any. */
    private String operator(SeedCity city) {
        List<SeedCity> local = offices.stream().filter(o -> o.country().equals(city.country())).toList();
        List<SeedCity> candidates = local.isEmpty() ? offices : local;
        return candidates.get(random.nextInt(candidates.size())).officeName();
    }

    /** A random (version 4) UUID drawn from the seeded generator, so a seed replays the same ids. */
    private UUID randomId() {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }

    /** 10 Gbps to 2 Tbps, in 10 Gbps steps. */
    private long capacity() {
        return (1 + random.nextInt(200)) * 10_000L;
    }

    private Long subscribers(Program program) {
        return program == Program.HAND_IN_HAND ? (1 + random.nextInt(400)) * 1_000_000L : null;
    }

    private PopCapacityEvent pop(String popId, PopAction action, String city, String country, String location,
                                 long mbps, Instant at) {
        return PopCapacityEvent.newBuilder()
                .setEventId(randomId())
                .setPopId(popId).setAction(action).setCity(city).setCountry(country).setBusinessLocation(location)
                .setCapacityMbps(mbps).setOccurredAt(at).setSource(SOURCE)
                .build();
    }

    private PartnerOnboardingEvent partner(String partnerId, String name, Program program, PartnerRole role,
                                           OnboardingAction action, String country, Long subscribers, Instant at) {
        return PartnerOnboardingEvent.newBuilder()
                .setEventId(randomId())
                .setPartnerId(partnerId).setPartnerName(name).setProgram(program).setRole(role).setAction(action)
                .setCountry(country).setSubscribers(subscribers).setOccurredAt(at).setSource(SOURCE)
                .build();
    }
}
