package com.cmobile.ecosystem.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ReasonTest {

    @Test
    void codesAreStableKebabCaseLabels() {
        assertThat(Arrays.stream(Reason.values()).map(Reason::code)).containsExactly(
                "missing", "blank", "unknown-country", "unknown-value", "out-of-range", "future-timestamp");
    }
}
