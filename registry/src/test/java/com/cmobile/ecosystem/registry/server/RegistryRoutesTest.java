package com.cmobile.ecosystem.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

class RegistryRoutesTest {

    @Test
    void latestAndMinusOneBothMeanTheLatestVersion() {
        assertThat(RegistryRoutes.parseVersion("latest")).isEqualTo(OptionalInt.empty());
        assertThat(RegistryRoutes.parseVersion("-1")).isEqualTo(OptionalInt.empty());
        assertThat(RegistryRoutes.parseVersion("3")).isEqualTo(OptionalInt.of(3));
    }

    @Test
    void zeroWordsAndOverflowAreInvalidVersions() {
        for (String text : new String[] {"0", "-2", "first", "2147483648"}) {
            assertThatThrownBy(() -> RegistryRoutes.parseVersion(text))
                    .isInstanceOfSatisfying(RegistryException.class, e -> {
                        assertThat(e.httpStatus()).isEqualTo(422);
                        assertThat(e.errorCode()).isEqualTo(42202);
                        assertThat(e.getMessage()).contains("'" + text + "'");
                    });
        }
    }
}
