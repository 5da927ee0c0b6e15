package com.cmobile.ecosystem.serde;

import static com.cmobile.ecosystem.testing.SampleEvents.pop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.evolution.PopCapacityEventV2;
import com.cmobile.ecosystem.registry.MockSchemaRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RegistrationModeTest {

    private static final String SUBJECT = "pop-capacity-value";

    private final String scope = "registration-" + UUID.randomUUID();
    private final MockSchemaRegistry registry = MockSchemaRegistry.forScope(scope);

    @AfterEach
    void dropRegistry() {
        MockSchemaRegistry.dropScope(scope);
    }

    @Test
    void autoRegistrationIsOnByDefault() {
        byte[] bytes = serializer(Map.of()).serialize("pop-capacity", pop().build());
        assertThat(bytes[4]).isEqualTo((byte) registry.latest(SUBJECT).id());
    }

    @Test
    void withoutAutoRegistrationTheLatestRegisteredVersionIsUsed() {
        int id = registry.register(SUBJECT, PopCapacityEvent.getClassSchema());

        byte[] bytes = serializer(Map.of("auto.register.schemas", "false")).serialize("pop-capacity", pop().build());

        assertThat(bytes[4]).isEqualTo((byte) id);
        assertThat(registry.latest(SUBJECT).version()).isEqualTo(1);
    }

    @Test
    void withoutAutoRegistrationAnOlderRegisteredVersionIsFound() {
        int oldId = registry.register(SUBJECT, PopCapacityEvent.getClassSchema());
        registry.register(SUBJECT, PopCapacityEventV2.getClassSchema());

        byte[] bytes = serializer(Map.of("auto.register.schemas", false)).serialize("pop-capacity", pop().build());

        assertThat(bytes[4]).isEqualTo((byte) oldId);
    }

    @Test
    void useLatestVersionRefusesARecordOfAnOlderVersion() {
        registry.register(SUBJECT, PopCapacityEvent.getClassSchema());
        registry.register(SUBJECT, PopCapacityEventV2.getClassSchema());
        var serializer = serializer(Map.of("auto.register.schemas", "false", "use.latest.version", "true"));

        assertThatThrownBy(() -> serializer.serialize("pop-capacity", pop().build()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("pop-capacity")
                .hasMessageContaining("latest version 2");
    }

    @Test
    void withoutAutoRegistrationAnUnregisteredSubjectIsAClearError() {
        var serializer = serializer(Map.of("auto.register.schemas", "false"));

        assertThatThrownBy(() -> serializer.serialize("pop-capacity", pop().build()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic pop-capacity, subject " + SUBJECT)
                .hasMessageContaining("not registered");
        assertThat(registry.callCount()).isEqualTo(1);
    }

    private SpecificAvroSerializer<PopCapacityEvent> serializer(Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>(extra);
        config.put("schema.registry.url", "mock://" + scope);
        var serializer = new SpecificAvroSerializer<PopCapacityEvent>();
        serializer.configure(config, false);
        return serializer;
    }
}
