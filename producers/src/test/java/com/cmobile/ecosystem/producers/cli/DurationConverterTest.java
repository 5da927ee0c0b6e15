package com.cmobile.ecosystem.producers.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DurationConverterTest {

    final DurationConverter converter = new DurationConverter();

    @Test
    void shortFormsAndIsoDurationsAreUnderstood() {
        assertThat(converter.convert("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(converter.convert("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(converter.convert("45")).isEqualTo(Duration.ofSeconds(45));
        assertThat(converter.convert("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(converter.convert("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(converter.convert("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void anythingElseIsAConversionErrorNamingTheValue() {
        assertThatThrownBy(() -> converter.convert("soon")).isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessageContaining("soon");
        assertThatThrownBy(() -> converter.convert("3d")).isInstanceOf(CommandLine.TypeConversionException.class);
    }
}
