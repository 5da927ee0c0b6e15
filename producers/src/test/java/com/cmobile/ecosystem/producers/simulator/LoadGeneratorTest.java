package com.cmobile.ecosystem.producers.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.validation.EventValidator;
import com.cmobile.ecosystem.validation.Violation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class LoadGeneratorTest {

    static final Instant START = Instant.parse("2025-06-01T00:00:00Z");

    static List<SpecificRecord> stream(long seed, int n) {
        var generator = new LoadGenerator(seed, 200, 300);
        var events = new ArrayList<SpecificRecord>();
        for (int i = 0; i < n; i++) {
            events.add(generator.next(START.plusMillis(i * 10L)));
        }
        return events;
    }

    @Test
    void everyGeneratedEventPassesTheSharedValidation() {
        var validator = new EventValidator(Clock.fixed(START.plus(Duration.ofHours(1)), ZoneOffset.UTC), Duration.ZERO);

        assertThat(stream(7, 20_000)).allSatisfy(event -> {
            List<Violation> violations = event instanceof PopCapacityEvent pop
                    ? validator.validate(pop) : validator.validate((PartnerOnboardingEvent) event);
            assertThat(violations).as(event.toString()).isEmpty();
        });
    }

    @Test
    void theSameSeedGivesTheSameStream() {
        assertThat(stream(3, 2_000)).isEqualTo(stream(3, 2_000));
        assertThat(stream(3, 2_000)).isNotEqualTo(stream(4, 2_000));
    }

    @Test
    void theStreamMixesEveryActionOfBothKindsAndSomeLateEvents() {
        var events = stream(11, 20_000);

        var actions = events.stream().map(e -> e instanceof PopCapacityEvent p ? "pop " + p.getAction()
                : "partner " + ((PartnerOnboardingEvent) e).getAction()).collect(Collectors.toSet());
        long late = 0;
        for (int i = 0; i < events.size(); i++) {
            Instant sentAt = START.plusMillis(i * 10L);
            Instant occurredAt = events.get(i) instanceof PopCapacityEvent p ? p.getOccurredAt()
                    : ((PartnerOnboardingEvent) events.get(i)).getOccurredAt();
            late += occurredAt.isBefore(sentAt) ? 1 : 0;
        }

        assertThat(actions).containsExactlyInAnyOrder("pop COMMISSIONED", "pop CAPACITY_CHANGED", "pop DECOMMISSIONED",
                "partner JOINED", "partner UPDATED", "partner LEFT");
        assertThat(late).isBetween(300L, 1_000L);
    }
}
