package com.cmobile.ecosystem.bench;

import com.cmobile.ecosystem.events.OnboardingAction;
import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import com.cmobile.ecosystem.events.PartnerRole;
import com.cmobile.ecosystem.events.PopAction;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.events.Program;
import com.cmobile.ecosystem.producers.EcosystemPublisher;
import com.cmobile.ecosystem.producers.simulator.SeedCity;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * How long a send takes to show in the answers, at a steady rate on a pipeline that has nothing
 * else to do. Two probe keys of their own: a PoP ({@value #POP}) whose capacity send {@code i} sets
 * to {@code C0 + i} Mbps, so {@code /api/v1/capacity}'s {@code capacityMbps} minus its value before
 * the probe is {@code i}; and a membership ({@value #PARTNER} in one program) whose subscribers send
 * {@code i} sets to {@code S0 + i}, read back from {@code /api/v1/alliance/programs/{program}}. The
 * sends alternate between the two at the given rate; two threads poll one instance, one per figure,
 * every {@code pollInterval} over kept-alive connections, and {@link FreshnessTracker} turns what
 * they see into the time from each send to the first answer that reflects it. The poll interval
 * plus one poll's latency bounds the resolution.
 */
final class Freshness {

    static final String POP = "bench-fresh-pop";
    static final String PARTNER = "bench-fresh-partner";
    private static final long POP_BASE_MBPS = 10_000;
    private static final long PARTNER_BASE_SUBSCRIBERS = 1_000_000;
    private static final String CAPACITY = "/api/v1/capacity";

    /** What the probe measured. */
    record Result(Histogram capacity, Histogram program, int sent, int unreflected, long polls, Histogram pollMicros) {
        Histogram all() {
            var all = capacity.copy();
            all.add(program);
            return all;
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final EcosystemPublisher publisher;
    private final String server;
    private final Program program;

    Freshness(EcosystemPublisher publisher, String server, Program program) {
        this.publisher = publisher;
        this.server = server;
        this.program = program;
    }

    Result run(int ratePerSecond, Duration duration, Duration pollInterval, Duration settle) throws Exception {
        String programPath = "/api/v1/alliance/programs/" + program.name();
        int sends = (int) Math.max(2, ratePerSecond * duration.toMillis() / 1000);
        var popTracker = new FreshnessTracker(sends);
        var partnerTracker = new FreshnessTracker(sends);

        // The probe keys' first states, and the figures they add to, before anything is timed.
        long capacityBefore = figure(CAPACITY, "capacityMbps", settle);
        long subscribersBefore = figure(programPath, "subscribers", settle);
        SeedCity city = SeedCity.bundled().stream().filter(SeedCity::office).findFirst().orElseThrow();
        publisher.publish(pop(PopAction.COMMISSIONED, city, POP_BASE_MBPS)).get(30, TimeUnit.SECONDS);
        publisher.publish(partner(OnboardingAction.JOINED, city, PARTNER_BASE_SUBSCRIBERS)).get(30, TimeUnit.SECONDS);
        awaitFigure(CAPACITY, "capacityMbps", capacityBefore + POP_BASE_MBPS, settle);
        awaitFigure(programPath, "subscribers", subscribersBefore + PARTNER_BASE_SUBSCRIBERS, settle);
        long capacityBase = capacityBefore + POP_BASE_MBPS;
        long subscribersBase = subscribersBefore + PARTNER_BASE_SUBSCRIBERS;

        var stop = new AtomicBoolean();
        var polls = new AtomicLong();
        var pollMicros = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        List<Thread> pollers = new ArrayList<>();
        pollers.add(poller(CAPACITY, "capacityMbps", capacityBase, popTracker, pollInterval, stop, polls, pollMicros));
        pollers.add(poller(programPath, "subscribers", subscribersBase, partnerTracker, pollInterval, stop, polls,
                pollMicros));
        pollers.forEach(Thread::start);

        List<CompletableFuture<?>> acks = new ArrayList<>();
        var schedule = new OpenLoopSchedule(System.nanoTime(), ratePerSecond, 0, duration.toNanos());
        for (int k = 0; ; k++) {
            long due = schedule.intendedStart(k);
            if (schedule.finished(due)) {
                break;
            }
            for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
                LockSupport.parkNanos(left);
            }
            if (k % 2 == 0) {
                int i = popTracker.sending(System.nanoTime());
                acks.add(publisher.publish(pop(PopAction.CAPACITY_CHANGED, city, POP_BASE_MBPS + i)));
            } else {
                int i = partnerTracker.sending(System.nanoTime());
                acks.add(publisher.publish(partner(OnboardingAction.UPDATED, city, PARTNER_BASE_SUBSCRIBERS + i)));
            }
        }
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        long until = System.nanoTime() + settle.toNanos();
        while (System.nanoTime() < until && popTracker.unreflected() + partnerTracker.unreflected() > 0) {
            Thread.sleep(20);
        }
        stop.set(true);
        for (Thread poller : pollers) {
            poller.join(TimeUnit.SECONDS.toMillis(15));
        }
        synchronized (pollMicros) {
            return new Result(popTracker.micros(), partnerTracker.micros(), popTracker.sent() + partnerTracker.sent(),
                    popTracker.unreflected() + partnerTracker.unreflected(), polls.get(), pollMicros.copy());
        }
    }

    private Thread poller(String path, String field, long base, FreshnessTracker tracker, Duration interval,
                          AtomicBoolean stop, AtomicLong polls, Histogram pollMicros) {
        var thread = new Thread(() -> {
            try (var connection = RawHttpConnection.to(server)) {
                byte[] request = connection.request(path);
                long next = System.nanoTime();
                while (!stop.get()) {
                    long asked = System.nanoTime();
                    OptionalLong value = read(connection, request, field);
                    long answered = System.nanoTime();
                    polls.incrementAndGet();
                    synchronized (pollMicros) {
                        pollMicros.recordValue(Math.min(pollMicros.getHighestTrackableValue(), (answered - asked) / 1000));
                    }
                    value.ifPresent(v -> tracker.observed(v - base, answered));
                    next += interval.toNanos();
                    for (long left = next - System.nanoTime(); left > 0; left = next - System.nanoTime()) {
                        LockSupport.parkNanos(left);
                    }
                    next = Math.max(next, System.nanoTime() - interval.toNanos());
                }
            }
        }, "fresh-poll-" + field);
        thread.setDaemon(true);
        return thread;
    }

    /** {@code field} of the answer to {@code path}, or empty for an answer other than 200 or none. */
    private OptionalLong read(RawHttpConnection connection, byte[] request, String field) {
        try {
            var answer = connection.send(request);
            if (answer.status() != 200) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(json.readTree(answer.body()).path(field).asLong());
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    private long figure(String path, String field, Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        try (var connection = RawHttpConnection.to(server)) {
            byte[] request = connection.request(path);
            while (System.nanoTime() < until) {
                OptionalLong value = read(connection, request, field);
                if (value.isPresent()) {
                    return value.getAsLong();
                }
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException(path + " gave no " + field + " within " + timeout);
    }

    private void awaitFigure(String path, String field, long expected, Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        long last = Long.MIN_VALUE;
        try (var connection = RawHttpConnection.to(server)) {
            byte[] request = connection.request(path);
            while (System.nanoTime() < until) {
                OptionalLong value = read(connection, request, field);
                if (value.isPresent() && value.getAsLong() == expected) {
                    return;
                }
                last = value.orElse(last);
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException(String.format(Locale.ROOT, "%s: %s never reached %d within %s (last %d):"
                + " is something else still changing it?", path, field, expected, timeout, last));
    }

    private static PopCapacityEvent pop(PopAction action, SeedCity city, long mbps) {
        return PopCapacityEvent.newBuilder().setEventId(UUID.randomUUID()).setPopId(POP).setAction(action)
                .setCity(city.city()).setCountry(city.country()).setBusinessLocation(city.officeName())
                .setCapacityMbps(mbps).setOccurredAt(Instant.now()).setSource("pipeline-benchmark").build();
    }

    private PartnerOnboardingEvent partner(OnboardingAction action, SeedCity city, long subscribers) {
        return PartnerOnboardingEvent.newBuilder().setEventId(UUID.randomUUID()).setPartnerId(PARTNER)
                .setPartnerName("Benchmark Freshness Probe").setProgram(program).setRole(PartnerRole.MEMBER)
                .setAction(action).setCountry(city.country()).setSubscribers(subscribers)
                .setOccurredAt(Instant.now()).setSource("pipeline-benchmark").build();
    }
}
