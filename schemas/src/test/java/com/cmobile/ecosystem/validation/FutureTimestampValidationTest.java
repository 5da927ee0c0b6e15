package com.cmobile.ecosystem.validation;

import static com.cmobile.ecosystem.testing.SampleEvents.NOW;
import static com.cmobile.ecosystem.testing.SampleEvents.partner;
import static com.cmobile.ecosystem.testing.SampleEvents.pop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

import com.cmobile.ecosystem.events.OnboardingAction;
import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import com.cmobile.ecosystem.events.PartnerRole;
import com.cmobile.ecosystem.events.PopAction;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.events.Program;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FutureTimestampValidationTest {

    private final EventValidator validator =
            new EventValidator(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5));


    @Test
    void eventWithinTheToleranceIsValid() {
        var event = pop().setOccurredAt(NOW.plus(Duration.ofMinutes(5))).build();
        assertThat(validator.validate(event)).isEmpty();
    }

    @Test
    void eventJustBeyondTheToleranceIsFutureTimestamp() {
        var event = pop().setOccurredAt(NOW.plus(Duration.ofMinutes(5)).plusMillis(1)).build();
        assertThat(validator.validate(event)).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("occurredAt");
            assertThat(v.reason()).isEqualTo(Reason.FUTURE_TIMESTAMP);
            assertThat(v.message()).contains("2026-03-01T12:05:00.001Z");
        });
    }

    @Test
    void toleranceIsConfigurable() {
        var strict = new EventValidator(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ZERO);
        var event = pop().setOccurredAt(NOW.plusSeconds(1)).build();
        assertThat(strict.validate(event)).extracting(Violation::reason).containsExactly(Reason.FUTURE_TIMESTAMP);
    }

    @Test
    void oldEventsAreValid() {
        var event = pop().setOccurredAt(NOW.minus(Duration.ofDays(3650))).build();
        assertThat(validator.validate(event)).isEmpty();
    }

    @Test
    void negativeToleranceIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new EventValidator(Clock.systemUTC(), Duration.ofSeconds(-1)));
    }

    @Test
    void defaultsUseFiveMinutesOnTheSystemClock() {
        var event = pop().setOccurredAt(java.time.Instant.now().plus(Duration.ofMinutes(4))).build();
        assertThat(EventValidator.withDefaults().validate(event)).isEmpty();
        var farFuture = pop().setOccurredAt(java.time.Instant.now().plus(Duration.ofMinutes(6))).build();
        assertThat(EventValidator.withDefaults().validate(farFuture))
                .extracting(Violation::reason).containsExactly(Reason.FUTURE_TIMESTAMP);
    }
}
