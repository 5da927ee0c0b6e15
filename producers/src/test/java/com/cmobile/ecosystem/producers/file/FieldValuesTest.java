package com.cmobile.ecosystem.producers.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class FieldValuesTest {

    @Property(tries = 500)
    void theFastInstantPathAgreesWithTheJdkParser(@ForAll @LongRange(min = -62_000_000_000_000L, max = 250_000_000_000_000L) long millis) {
        String text = Instant.ofEpochMilli(millis).toString();

        assertThat(FieldValues.fastUtcInstant(text)).isEqualTo(Instant.parse(text));
    }

    @Test
    void shapesTheFastPathDoesNotKnowAreLeftToTheGeneralParser() {
        assertThat(FieldValues.fastUtcInstant("2024-05-01T08:00:00+08:00")).isNull();
        assertThat(FieldValues.fastUtcInstant("2024-05-01 08:00:00Z")).isNull();
        assertThat(FieldValues.fastUtcInstant("2024-05-01T25:00:00Z")).isNull();
        assertThat(FieldValues.fastUtcInstant("2024-05-01T08:00:00.Z")).isNull();
    }

    @Test
    void anImpossibleDateIsAnError() {
        assertThatThrownBy(() -> FieldValues.fastUtcInstant("2023-02-29T00:00:00Z")).isInstanceOf(DateTimeException.class);
    }

    @Property(tries = 200)
    void everyUuidInCanonicalFormIsRecognisedInEitherCase(@ForAll long high, @ForAll long low) {
        String text = new UUID(high, low).toString();

        assertThat(FieldValues.isCanonicalUuid(text)).isTrue();
        assertThat(FieldValues.isCanonicalUuid(text.toUpperCase(Locale.ROOT))).isTrue();
    }

    @Test
    void abbreviatedOrMisshapenUuidsAreNotCanonical() {
        assertThat(FieldValues.isCanonicalUuid("1-2-3-4-5")).isFalse();
        assertThat(FieldValues.isCanonicalUuid("1b4e28ba2fa111d2883f0016d3cca427")).isFalse();
        assertThat(FieldValues.isCanonicalUuid("1b4e28ba-2fa1-11d2-883f-0016d3cca42g")).isFalse();
        assertThat(FieldValues.isCanonicalUuid("1b4e28ba-2fa1-11d2-883f-0016d3cca4277")).isFalse();
        assertThat(FieldValues.isCanonicalUuid("1b4e28ba-2fa1-11d2+883f-0016d3cca427")).isFalse();
    }
}
