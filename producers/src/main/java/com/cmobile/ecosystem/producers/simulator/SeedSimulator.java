package com.cmobile.ecosystem.producers.simulator;

import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.producers.EcosystemPublisher;
import com.cmobile.ecosystem.producers.PublishedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes the {@link SeedScenario} to {@code pop-capacity} and {@code partner-onboarding} and waits
 * until every event is acknowledged. Publishing it again publishes identical events (same eventIds),
 * so the aggregates do not change.
 */
public final class SeedSimulator {

    private final EcosystemPublisher publisher;

    public SeedSimulator(EcosystemPublisher publisher) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
    }

    /**
     * Publishes every event of {@code scenario}.
     *
     * @throws java.util.concurrent.CompletionException wrapping the first event that failed, after
     *     every other event was given its chance
     */
    public Result publish(SeedScenario scenario) {
        long start = System.nanoTime();
        var acks = new ArrayList<CompletableFuture<PublishedEvent>>(
                scenario.popEvents().size() + scenario.partnerEvents().size());
        for (PopCapacityEvent event : scenario.popEvents()) {
            acks.add(publisher.publish(event));
        }
        for (PartnerOnboardingEvent event : scenario.partnerEvents()) {
            acks.add(publisher.publish(event));
        }
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
        return new Result(scenario.popEvents().size(), scenario.partnerEvents().size(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * @param popEvents PoP events acknowledged
     * @param partnerEvents partner events acknowledged
     * @param elapsed time to publish them all
     */
    public record Result(int popEvents, int partnerEvents, Duration elapsed) {
        public List<String> figures() {
            return List.of(
                    SeedScenario.ACTIVE_POPS + " active PoPs in " + SeedScenario.POP_CITIES + " cities, "
                            + SeedScenario.BUSINESS_LOCATIONS + " business locations, "
                            + String.format("%,d", SeedScenario.TOTAL_CAPACITY_MBPS) + " Mbps in total",
                    "HAND_IN_HAND " + SeedScenario.HAND_IN_HAND_MEMBERS + " members serving "
                            + String.format("%,d", SeedScenario.HAND_IN_HAND_SUBSCRIBERS) + " subscribers",
                    "ISTAR " + SeedScenario.ISTAR_PARTNERS + " partners",
                    "GTI " + SeedScenario.GTI_MEMBERS + " members and " + SeedScenario.GTI_PARTNERS + " partners",
                    "ECOSYSTEM_ALLIANCE " + SeedScenario.ECOSYSTEM_ALLIANCE_FOUNDING_MEMBERS + " founding members");
        }
    }
}
