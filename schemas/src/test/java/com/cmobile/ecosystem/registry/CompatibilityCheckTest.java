package com.cmobile.ecosystem.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

class CompatibilityCheckTest {

    private static final Schema V1 = SchemaBuilder.record("Pop").fields().requiredString("popId").endRecord();
    // Cannot read V1's data: city has no default.
    private static final Schema CITY_REQUIRED = SchemaBuilder.record("Pop").fields().requiredString("popId")
            .requiredString("city").endRecord();

    @Test
    void nonTransitiveLevelsCheckOnlyTheLatestVersion() {
        var failures = CompatibilityCheck.failures(CompatibilityLevel.BACKWARD, CITY_REQUIRED, List.of(V1, CITY_REQUIRED));

        assertThat(failures).isEmpty();
    }

    @Test
    void transitiveLevelsCheckEveryEarlierVersion() {
        var failures = CompatibilityCheck.failures(CompatibilityLevel.BACKWARD_TRANSITIVE, CITY_REQUIRED,
                List.of(V1, CITY_REQUIRED));

        assertThat(failures).isNotEmpty().allSatisfy(failure -> {
            assertThat(failure.earlier()).isZero();
            assertThat(failure.direction()).isEqualTo(CompatibilityCheck.Direction.BACKWARD);
            assertThat(failure.reader()).isEqualTo(CITY_REQUIRED);
        });
    }

    @Test
    void fullLevelsCheckBothWaysAndNameTheSchemaThatCouldNotRead() {
        var failures = CompatibilityCheck.failures(CompatibilityLevel.FULL, V1, List.of(CITY_REQUIRED));

        assertThat(failures).isNotEmpty().allSatisfy(failure -> {
            assertThat(failure.direction()).isEqualTo(CompatibilityCheck.Direction.FORWARD);
            assertThat(failure.reader()).isEqualTo(CITY_REQUIRED);
        });
    }

    @Test
    void noneAndAFirstVersionAreAlwaysCompatible() {
        assertThat(CompatibilityCheck.failures(CompatibilityLevel.NONE, CITY_REQUIRED, List.of(V1))).isEmpty();
        assertThat(CompatibilityCheck.failures(CompatibilityLevel.FULL_TRANSITIVE, CITY_REQUIRED, List.of())).isEmpty();
    }
}
