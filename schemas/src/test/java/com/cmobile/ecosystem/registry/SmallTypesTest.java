package com.cmobile.ecosystem.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SmallTypesTest {

    @Test
    void errorCodesTravelWithTheirHttpStatus() {
        assertThat(ErrorCodes.httpStatusOf(ErrorCodes.SUBJECT_NOT_FOUND)).isEqualTo(404);
        assertThat(ErrorCodes.httpStatusOf(ErrorCodes.INVALID_SCHEMA)).isEqualTo(422);
        assertThat(ErrorCodes.httpStatusOf(ErrorCodes.INCOMPATIBLE_SCHEMA)).isEqualTo(409);
        assertThat(ErrorCodes.httpStatusOf(ErrorCodes.STORE_ERROR)).isEqualTo(500);
    }

    @Test
    void compatibilityLevelsParseIgnoringCase() {
        assertThat(CompatibilityLevel.parse(" backward_transitive ")).contains(CompatibilityLevel.BACKWARD_TRANSITIVE);
        assertThat(CompatibilityLevel.parse("SIDEWAYS")).isEmpty();
        assertThat(CompatibilityLevel.parse(null)).isEmpty();
    }

    @Test
    void compatibilityLevelsKnowTheirDirections() {
        assertThat(CompatibilityLevel.FULL.checksBackward()).isTrue();
        assertThat(CompatibilityLevel.FULL.checksForward()).isTrue();
        assertThat(CompatibilityLevel.FULL.isTransitive()).isFalse();
        assertThat(CompatibilityLevel.FORWARD_TRANSITIVE.checksBackward()).isFalse();
        assertThat(CompatibilityLevel.FORWARD_TRANSITIVE.isTransitive()).isTrue();
        assertThat(CompatibilityLevel.NONE.checksBackward()).isFalse();
    }

    @Test
    void httpUrlsGiveARestClient() {
        assertThat(SchemaRegistryClients.create("http://localhost:8081", Map.of())).isInstanceOf(RestSchemaRegistryClient.class);
    }

    @Test
    void missingOrMalformedUrlsAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> SchemaRegistryClients.create(" ", Map.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> SchemaRegistryClients.create("mock://", Map.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> SchemaRegistryClients.create("localhost:8081", Map.of()))
                .withMessageContaining("http://host:8081");
    }

    @Test
    void severalUrlsAreSplitOnCommasAndTrailingSlashesDropped() {
        var settings = RegistrySettings.from("http://a:8081/, http://b:8081", Map.of());
        assertThat(settings.baseUrls()).extracting(Object::toString).containsExactly("http://a:8081", "http://b:8081");
    }
}
