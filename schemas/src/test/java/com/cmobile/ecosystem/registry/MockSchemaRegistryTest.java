package com.cmobile.ecosystem.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MockSchemaRegistryTest {

    private static final Schema V1 = SchemaBuilder.record("Pop").fields().requiredString("popId").endRecord();
    private static final Schema V2_OPTIONAL_FIELD = SchemaBuilder.record("Pop").fields().requiredString("popId")
            .optionalString("city").endRecord();
    private static final Schema V2_REQUIRED_FIELD = SchemaBuilder.record("Pop").fields().requiredString("popId")
            .requiredString("city").endRecord();

    private final String scope = "mock-" + UUID.randomUUID();
    private final MockSchemaRegistry registry = MockSchemaRegistry.forScope(scope);

    @AfterEach
    void dropRegistry() {
        MockSchemaRegistry.dropScope(scope);
    }

    @Test
    void sameScopeIsTheSameRegistry() {
        assertThat(MockSchemaRegistry.forScope(scope)).isSameAs(registry);
        assertThat(SchemaRegistryClients.create("mock://" + scope, java.util.Map.of())).isSameAs(registry);
    }

    @Test
    void droppedScopeStartsEmpty() {
        registry.register("s", V1);
        MockSchemaRegistry.dropScope(scope);

        assertThatThrownBy(() -> MockSchemaRegistry.forScope(scope).latest("s")).isInstanceOf(SubjectNotFoundException.class);
    }

    @Test
    void registeringTheSameSchemaAgainReturnsItsId() {
        int first = registry.register("s", V1);

        assertThat(registry.register("s", V1)).isEqualTo(first);
        assertThat(registry.latest("s").version()).isEqualTo(1);
    }

    @Test
    void idsAreRegistryWideAndSharedAcrossSubjects() {
        int inFirst = registry.register("a-value", V1);
        int inSecond = registry.register("b-value", V1);

        assertThat(inSecond).isEqualTo(inFirst);
        assertThat(registry.schemaById(inFirst)).isEqualTo(V1);
    }

    @Test
    void compatibleSchemaBecomesTheNextVersion() {
        registry.register("s", V1);
        int id = registry.register("s", V2_OPTIONAL_FIELD);

        assertThat(registry.latest("s")).isEqualTo(new RegisteredSchema("s", 2, id, V2_OPTIONAL_FIELD));
        assertThat(registry.lookup("s", V1).version()).isEqualTo(1);
    }

    @Test
    void backwardIncompatibleSchemaIsRefusedByDefault() {
        registry.register("s", V1);

        assertThatThrownBy(() -> registry.register("s", V2_REQUIRED_FIELD))
                .isInstanceOf(IncompatibleSchemaException.class)
                .hasMessageContaining("'s'")
                .satisfies(e -> assertThat(((SchemaRegistryException) e).httpStatus()).isEqualTo(409));
        assertThat(registry.isCompatible("s", V2_REQUIRED_FIELD)).isFalse();
    }

    @Test
    void compatibilityNoneAcceptsAnything() {
        registry.register("s", V1);
        registry.setCompatibility("s", CompatibilityLevel.NONE);

        registry.register("s", V2_REQUIRED_FIELD);

        assertThat(registry.latest("s").version()).isEqualTo(2);
        assertThat(registry.compatibility("s")).contains(CompatibilityLevel.NONE);
        assertThat(registry.compatibility("other")).isEmpty();
        assertThat(registry.compatibility()).isEqualTo(CompatibilityLevel.BACKWARD);
    }

    @Test
    void unknownIdsAndSchemasAreNotFound() {
        registry.register("s", V1);

        assertThatThrownBy(() -> registry.schemaById(42)).isInstanceOf(SchemaNotFoundException.class);
        assertThatThrownBy(() -> registry.lookup("s", V2_OPTIONAL_FIELD)).isInstanceOf(SchemaNotFoundException.class);
        assertThatThrownBy(() -> registry.lookup("nope", V1)).isInstanceOf(SubjectNotFoundException.class);
    }

    @Test
    void everyCallIsCounted() {
        registry.register("s", V1);
        registry.latest("s");

        assertThat(registry.callCount()).isEqualTo(2);
    }
}
