package com.cmobile.ecosystem.serde;

import static com.cmobile.ecosystem.testing.SampleEvents.partner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import com.cmobile.ecosystem.registry.MockSchemaRegistry;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Kafka instantiates serializers from class names in properties and then configures them. */
class ConfigByClassNameTest {

    private final String scope = "by-name-" + UUID.randomUUID();
    private final Map<String, Object> config = Map.of(
            "schema.registry.url", "mock://" + scope,
            "specific.avro.value.type", PartnerOnboardingEvent.class.getName());

    @AfterEach
    void dropRegistry() {
        MockSchemaRegistry.dropScope(scope);
    }

    @Test
    @SuppressWarnings("unchecked")
    void serializerAndDeserializerWorkWhenKafkaCreatesThemByClassName() {
        Serializer<PartnerOnboardingEvent> serializer = Utils.newInstance(SpecificAvroSerializer.class);
        Deserializer<PartnerOnboardingEvent> deserializer = Utils.newInstance(SpecificAvroDeserializer.class);
        serializer.configure(config, false);
        deserializer.configure(config, false);

        byte[] bytes = serializer.serialize("partner-onboarding", partner().build());

        assertThat(deserializer.deserialize("partner-onboarding", bytes)).isEqualTo(partner().build());
    }

    @Test
    @SuppressWarnings("unchecked")
    void serdeWorksWhenCreatedByClassName() {
        Serde<PartnerOnboardingEvent> serde = Utils.newInstance(SpecificAvroSerde.class);
        serde.configure(config, false);

        byte[] bytes = serde.serializer().serialize("partner-onboarding", partner().build());

        assertThat(serde.deserializer().deserialize("partner-onboarding", bytes)).isEqualTo(partner().build());
    }

    @Test
    void deserializerWithoutAReaderTypeSaysWhichPropertyToSet() {
        var deserializer = new SpecificAvroDeserializer<PartnerOnboardingEvent>();
        assertThatThrownBy(() -> deserializer.configure(Map.of("schema.registry.url", "mock://" + scope), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("specific.avro.value.type");
    }

    @Test
    void missingRegistryUrlIsAConfigError() {
        var serializer = new SpecificAvroSerializer<PartnerOnboardingEvent>();
        assertThatThrownBy(() -> serializer.configure(Map.of(), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.url");
    }

    @Test
    void serializerAndDeserializerGivenAClientNeedNoUrl() {
        MockSchemaRegistry registry = MockSchemaRegistry.forScope(scope);
        var serializer = new SpecificAvroSerializer<PartnerOnboardingEvent>(registry);
        var deserializer = new SpecificAvroDeserializer<>(PartnerOnboardingEvent.class, registry);
        serializer.configure(Map.of(), false);
        deserializer.configure(Map.of(), false);

        byte[] bytes = serializer.serialize("partner-onboarding", partner().build());

        assertThat(deserializer.deserialize("partner-onboarding", bytes)).isEqualTo(partner().build());
        assertThat(registry.latest("partner-onboarding-value").version()).isEqualTo(1);
    }
}
