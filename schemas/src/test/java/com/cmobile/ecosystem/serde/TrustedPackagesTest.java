package com.cmobile.ecosystem.serde;

import static com.cmobile.ecosystem.testing.SampleEvents.partner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import com.cmobile.ecosystem.registry.MockSchemaRegistry;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.util.ClassSecurityValidator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Nothing in the project sets -Dorg.apache.avro.SERIALIZABLE_PACKAGES or Avro's global validator;
 * these tests pin the validator to its built-in defaults anyway (whatever a JVM running them was
 * given) to show that plain Avro refuses our generated classes and our deserializer does not.
 */
class TrustedPackagesTest {

    private final String scope = "trust-" + UUID.randomUUID();
    private final Map<String, Object> config = Map.of("schema.registry.url", "mock://" + scope);
    private ClassSecurityValidator.ClassSecurityPredicate previous;

    @BeforeEach
    void distrustOurPackages() {
        previous = ClassSecurityValidator.getGlobal();
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.DEFAULT_TRUSTED_CLASSES);
    }

    @AfterEach
    void restoreTrust() {
        ClassSecurityValidator.setGlobal(previous);
        MockSchemaRegistry.dropScope(scope);
    }

    @Test
    void plainAvroRefusesOurGeneratedClassesWithoutTheProperty() {
        byte[] bytes = EventSerdes.partnerOnboarding(config).serializer().serialize("partner-onboarding", partner().build());

        assertThatThrownBy(() -> new SpecificDatumReader<PartnerOnboardingEvent>(PartnerOnboardingEvent.getClassSchema())
                .read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null)))
                .isInstanceOf(SecurityException.class)
                .hasMessageContaining("PartnerOnboardingEvent");
    }

    @Test
    void deserializerReadsOurEventsWithoutTheProperty() throws IOException {
        var serde = EventSerdes.partnerOnboarding(config);
        byte[] bytes = serde.serializer().serialize("partner-onboarding", partner().build());

        assertThat(serde.deserializer().deserialize("partner-onboarding", bytes)).isEqualTo(partner().build());
    }
}
