package com.cmobile.ecosystem.serde;

import static org.assertj.core.api.Assertions.assertThat;

import com.cmobile.ecosystem.registry.SchemaRegistryException;
import org.junit.jupiter.api.Test;

class RegistryFailuresTest {

    @Test
    void refusedCredentialsAndMissingRightsAreNeitherUnavailableNorBadData() {
        for (int status : new int[] {401, 403}) {
            var wrapped = RegistryFailures.wrap("topic t", SchemaRegistryException.of(status, status, "no"));

            assertThat(wrapped).isExactlyInstanceOf(RegistryCredentialsException.class)
                    .hasMessageContaining("topic t").hasMessageContaining("no");
        }
    }

    @Test
    void unreachableAndServerErrorsAreUnavailable() {
        assertThat(RegistryFailures.wrap("t", new SchemaRegistryException(0, 0, "down")))
                .isExactlyInstanceOf(RegistryUnavailableException.class);
        assertThat(RegistryFailures.wrap("t", SchemaRegistryException.of(503, 50002, "timeout")))
                .isExactlyInstanceOf(RegistryUnavailableException.class);
    }

    @Test
    void otherRefusalsAreAboutTheData() {
        assertThat(RegistryFailures.wrap("t", SchemaRegistryException.of(404, 40403, "no such id")))
                .isNotInstanceOf(RegistryUnavailableException.class)
                .isNotInstanceOf(RegistryCredentialsException.class);
    }
}
