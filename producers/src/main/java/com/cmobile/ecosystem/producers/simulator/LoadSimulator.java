package com.cmobile.ecosystem.producers.simulator;

import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.events.Topics;
import com.cmobile.ecosystem.producers.EcosystemPublisher;
import com.cmobile.ecosystem.producers.PublishedEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.apache.avro.specific.SpecificRecord;

/**
 * Publishes a {@link LoadGenerator} stream at a steady rate for a while, then reports what it sent.
 * Pacing follows the wall clock, so a slow moment is caught up rather than lost (up to the rate the
 * cluster accepts). Stops early on the first failed event.
 */
public final class LoadSimulator {

    private final EcosystemPublisher publisher;
    private final LoadGenerator generator;
    private final Clock clock;

    public LoadSimulator(EcosystemPublisher publisher, LoadGenerator generator, Clock clock) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.generator = Objects.requireNonNull(generator, "generator");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Sends about {@code ratePerSecond × duration} events, evenly spread, and waits for their acknowledgements. */
    public Summary run(int ratePerSecond, Duration duration) {
        if (ratePerSecond < 1) {
            throw new IllegalArgumentException("rate must be at least 1 event/s, was " + ratePerSecond);
        }
        var counts = new TreeMap<String, Long>();
        var acknowledged = new LongAdder();
        var failure = new AtomicReference<Throwable>();
        long late = 0;
        long sent = 0;
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        for (long now = start; now < end && failure.get() == null; now = System.nanoTime()) {
            long due = (long) ((now - start) / 1e9 * ratePerSecond) + 1;
            if (sent >= due) {
                LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
                continue;
            }
            for (; sent < due && failure.get() == null; sent++) {
                // Millisecond precision, as the schema stores it, so only genuinely late events count as late.
                Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                SpecificRecord event = generator.next(at);
                CompletableFuture<PublishedEvent> ack;
                if (event instanceof PopCapacityEvent pop) {
                    counts.merge(Topics.POP_CAPACITY + " " + pop.getAction(), 1L, Long::sum);
                    late += pop.getOccurredAt().isBefore(at) ? 1 : 0;
                    ack = publisher.publish(pop);
                } else {
                    PartnerOnboardingEvent partner = (PartnerOnboardingEvent) event;
                    counts.merge(Topics.PARTNER_ONBOARDING + " " + partner.getAction(), 1L, Long::sum);
                    late += partner.getOccurredAt().isBefore(at) ? 1 : 0;
                    ack = publisher.publish(partner);
                }
                ack.whenComplete((ok, error) -> {
                    if (error == null) {
                        acknowledged.increment();
                    } else {
                        failure.compareAndSet(null, error);
                    }
                });
            }
        }
        publisher.flush();
        return new Summary(sent, acknowledged.sum(), late, Map.copyOf(counts),
                Duration.ofNanos(System.nanoTime() - start),
                failure.get() == null ? Optional.empty() : Optional.of(failure.get()));
    }

    /**
     * What a load run sent.
     *
     * @param sent events handed to the publisher
     * @param acknowledged events acknowledged by Kafka
     * @param late events whose occurredAt lies before their send time
     * @param byTopicAndAction event counts keyed {@code "<topic> <action>"}
     * @param elapsed run time, acknowledgements included
     * @param failure the first failed event's error, if any
     */
    public record Summary(long sent, long acknowledged, long late, Map<String, Long> byTopicAndAction,
                          Duration elapsed, Optional<Throwable> failure) {
        public String describe() {
            var text = new StringBuilder(String.format(Locale.ROOT,
                    "sent %,d, acknowledged %,d (%,d late), elapsed %.1f s, %,.0f events/s%n", sent, acknowledged,
                    late, elapsed.toMillis() / 1000.0, acknowledged / Math.max(1e-9, elapsed.toNanos() / 1e9)));
            new TreeMap<>(byTopicAndAction).forEach((kind, n) ->
                    text.append(String.format(Locale.ROOT, "  %-40s %,d%n", kind, n)));
            return text.toString().stripTrailing();
        }
    }
}
