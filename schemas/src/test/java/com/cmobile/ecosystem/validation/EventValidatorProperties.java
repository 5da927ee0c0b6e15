package com.cmobile.ecosystem.validation;

import static com.cmobile.ecosystem.testing.SampleEvents.NOW;
import static com.cmobile.ecosystem.testing.SampleEvents.pop;
import static org.assertj.core.api.Assertions.assertThat;

import com.cmobile.ecosystem.geo.Countries;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;

class EventValidatorProperties {

    private final EventValidator validator =
            new EventValidator(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5));

    @Property
    void capacityIsValidExactlyWithinItsBounds(@ForAll long capacity) {
        boolean inRange = capacity >= 0 && capacity <= EventValidator.MAX_CAPACITY_MBPS;
        assertThat(validator.validate(pop().setCapacityMbps(capacity).build()).isEmpty()).isEqualTo(inRange);
    }

    @Property
    void countryIsValidExactlyWhenAssigned(@ForAll @AlphaChars @StringLength(min = 1, max = 3) String country) {
        boolean valid = validator.validate(pop().setCountry(country).build()).isEmpty();
        assertThat(valid).isEqualTo(Countries.isAssigned(country));
    }

    @Property
    void eventTimeIsValidExactlyUpToTheTolerance(@ForAll @LongRange(min = -600_000, max = 600_000) long offsetMillis) {
        var event = pop().setOccurredAt(NOW.plusMillis(offsetMillis)).build();
        assertThat(validator.validate(event).isEmpty()).isEqualTo(offsetMillis <= 300_000);
    }
}
