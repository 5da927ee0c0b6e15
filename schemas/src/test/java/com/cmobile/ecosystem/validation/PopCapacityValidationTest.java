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

class PopCapacityValidationTest {

    private final EventValidator validator =
            new EventValidator(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5));


    @Test
    void validEventHasNoViolations() {
        assertThat(validator.validate(pop().build())).isEmpty();
    }

    @Test
    void blankPopIdIsBlank() {
        var violations = validator.validate(pop().setPopId("  ").build());
        assertThat(violations).extracting(Violation::field, Violation::reason)
                .containsExactly(tuple("popId", Reason.BLANK));
    }

    @Test
    void nullFieldIsMissing() {
        PopCapacityEvent event = pop().build();
        event.setCity(null);
        assertThat(validator.validate(event)).extracting(Violation::field, Violation::reason)
                .containsExactly(tuple("city", Reason.MISSING));
    }

    @Test
    void nullEventIdIsMissing() {
        PopCapacityEvent event = pop().build();
        event.setEventId(null);
        assertThat(validator.validate(event)).extracting(Violation::field, Violation::reason)
                .containsExactly(tuple("eventId", Reason.MISSING));
    }

    @ParameterizedTest
    @ValueSource(strings = {"XK", "ZZ", "de", "DEU"})
    void countryThatIsNotAnAssignedCodeIsUnknownCountry(String country) {
        var violations = validator.validate(pop().setCountry(country).build());
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("country");
            assertThat(v.reason()).isEqualTo(Reason.UNKNOWN_COUNTRY);
            assertThat(v.message()).contains("country", "'" + country + "'");
        });
    }

    @Test
    void blankCountryIsBlankNotUnknown() {
        assertThat(validator.validate(pop().setCountry("").build()))
                .extracting(Violation::reason).containsExactly(Reason.BLANK);
    }

    @Test
    void unknownActionIsUnknownValue() {
        assertThat(validator.validate(pop().setAction(PopAction.UNKNOWN).build()))
                .extracting(Violation::field, Violation::reason)
                .containsExactly(tuple("action", Reason.UNKNOWN_VALUE));
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, 10_000_001, Long.MIN_VALUE, Long.MAX_VALUE})
    void capacityOutsideZeroToTenMillionIsOutOfRange(long capacity) {
        var violations = validator.validate(pop().setCapacityMbps(capacity).build());
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.reason()).isEqualTo(Reason.OUT_OF_RANGE);
            assertThat(v.message()).contains("capacityMbps", Long.toString(capacity));
        });
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 10_000_000})
    void capacityOnTheBoundsIsValid(long capacity) {
        assertThat(validator.validate(pop().setCapacityMbps(capacity).build())).isEmpty();
    }

    @Test
    void decommissionedPopNeedsNoState() {
        PopCapacityEvent event = pop().setAction(PopAction.DECOMMISSIONED).setCity("").setCountry(" ")
                .setBusinessLocation("").setCapacityMbps(0).build();
        assertThat(validator.validate(event)).isEmpty();
    }

    @Test
    void decommissionedPopWithoutStateFieldsAtAllIsValid() {
        PopCapacityEvent event = pop().setAction(PopAction.DECOMMISSIONED).build();
        event.setCity(null);
        event.setCountry(null);
        event.setBusinessLocation(null);
        assertThat(validator.validate(event)).isEmpty();
    }

    @Test
    void decommissionedPopStillChecksACountryItCarries() {
        PopCapacityEvent event = pop().setAction(PopAction.DECOMMISSIONED).setCountry("XK").build();
        assertThat(validator.validate(event)).extracting(Violation::reason)
                .containsExactly(Reason.UNKNOWN_COUNTRY);
    }

    @Test
    void everyViolationIsReportedNotJustTheFirst() {
        PopCapacityEvent event = pop().setPopId("").setAction(PopAction.UNKNOWN).setCity(" ")
                .setCountry("XX").setBusinessLocation("").setCapacityMbps(-5)
                .setOccurredAt(NOW.plus(Duration.ofHours(1))).setSource("").build();
        assertThat(validator.validate(event)).extracting(Violation::field, Violation::reason).containsExactly(
                tuple("popId", Reason.BLANK),
                tuple("action", Reason.UNKNOWN_VALUE),
                tuple("city", Reason.BLANK),
                tuple("country", Reason.UNKNOWN_COUNTRY),
                tuple("businessLocation", Reason.BLANK),
                tuple("capacityMbps", Reason.OUT_OF_RANGE),
                tuple("occurredAt", Reason.FUTURE_TIMESTAMP),
                tuple("source", Reason.BLANK));
    }
}
