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

class PartnerOnboardingValidationTest {

    private final EventValidator validator =
            new EventValidator(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5));


    @Test
    void validEventHasNoViolations() {
        assertThat(validator.validate(partner().build())).isEmpty();
    }

    @Test
    void subscribersAreOptional() {
        assertThat(validator.validate(partner().setSubscribers(null).build())).isEmpty();
    }

    @Test
    void negativeSubscribersAreOutOfRange() {
        assertThat(validator.validate(partner().setSubscribers(-1L).build()))
                .extracting(Violation::field, Violation::reason)
                .containsExactly(tuple("subscribers", Reason.OUT_OF_RANGE));
    }

    @Test
    void unknownEnumsAreUnknownValues() {
        PartnerOnboardingEvent event = partner().setProgram(Program.UNKNOWN).setRole(PartnerRole.UNKNOWN)
                .setAction(OnboardingAction.UNKNOWN).build();
        assertThat(validator.validate(event)).extracting(Violation::field, Violation::reason).containsExactly(
                tuple("program", Reason.UNKNOWN_VALUE),
                tuple("role", Reason.UNKNOWN_VALUE),
                tuple("action", Reason.UNKNOWN_VALUE));
    }

    @Test
    void blankPartnerIdAndSourceAreBlank() {
        List<Violation> violations = validator.validate(partner().setPartnerId("").setSource("\t").build());
        assertThat(violations).extracting(Violation::field).containsExactly("partnerId", "source");
        assertThat(violations).extracting(Violation::reason).containsOnly(Reason.BLANK);
    }

    @Test
    void joinedPartnerNeedsNameAndCountry() {
        assertThat(validator.validate(partner().setPartnerName("").setCountry("").build()))
                .extracting(Violation::field).containsExactly("partnerName", "country");
    }

    @Test
    void partnerThatLeftNeedsNoNameOrCountry() {
        PartnerOnboardingEvent event = partner().setAction(OnboardingAction.LEFT).setPartnerName("")
                .setCountry("").build();
        assertThat(validator.validate(event)).isEmpty();
    }

    @Test
    void partnerThatLeftStillChecksACountryItCarries() {
        PartnerOnboardingEvent event = partner().setAction(OnboardingAction.LEFT).setCountry("XK").build();
        assertThat(validator.validate(event)).extracting(Violation::reason)
                .containsExactly(Reason.UNKNOWN_COUNTRY);
    }

    @Test
    void kosovoIsNotAnAssignedCountry() {
        assertThat(validator.validate(partner().setCountry("XK").build()))
                .extracting(Violation::message)
                .containsExactly("country 'XK' is not an assigned ISO 3166-1 alpha-2 code");
    }
}
