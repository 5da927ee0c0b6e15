package com.cmobile.ecosystem.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExperimentOptionsTest {

    @Test
    void settingsAreKeyValuePairs() {
        assertThat(ExperimentOptions.keyValues("SESSION_TIMEOUT_MS=3000, HEARTBEAT_INTERVAL_MS=1000"))
                .isEqualTo(Map.of("SESSION_TIMEOUT_MS", "3000", "HEARTBEAT_INTERVAL_MS", "1000"));
        assertThat(ExperimentOptions.keyValues(" ")).isEmpty();
        assertThatThrownBy(() -> ExperimentOptions.keyValues("SESSION_TIMEOUT_MS"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("KEY=VALUE");
    }

    @Test
    void jvmOptionsAreWords() {
        assertThat(ExperimentOptions.words("  -Xlog:gc  -Dx=1 ")).isEqualTo(List.of("-Xlog:gc", "-Dx=1"));
        assertThat(ExperimentOptions.words("")).isEmpty();
    }
}
