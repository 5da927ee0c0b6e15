package com.cmobile.ecosystem.serde;

import static com.cmobile.ecosystem.testing.SampleEvents.pop;
import static org.assertj.core.api.Assertions.assertThat;

import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.registry.MockSchemaRegistry;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CachingTest {

    private final String scope = "caching-" + UUID.randomUUID();
    private final MockSchemaRegistry registry = MockSchemaRegistry.forScope(scope);
    private final SpecificAvroSerde<PopCapacityEvent> serde =
            EventSerdes.popCapacity(Map.of("schema.registry.url", "mock://" + scope));

    @AfterEach
    void dropRegistry() {
        MockSchemaRegistry.dropScope(scope);
    }

    @Test
    void serializerAsksTheRegistryOncePerTopic() {
        serde.serializer().serialize("pop-capacity", pop().build());
        long afterFirst = registry.callCount();

        for (int i = 0; i < 1_000; i++) {
            serde.serializer().serialize("pop-capacity", pop().setCapacityMbps(i).build());
        }

        assertThat(afterFirst).isEqualTo(1);
        assertThat(registry.callCount()).isEqualTo(afterFirst);
    }

    @Test
    void deserializerAsksTheRegistryOncePerSchemaId() {
        byte[] bytes = serde.serializer().serialize("pop-capacity", pop().build());
        serde.deserializer().deserialize("pop-capacity", bytes);
        long afterFirst = registry.callCount();

        for (int i = 0; i < 1_000; i++) {
            serde.deserializer().deserialize("pop-capacity", bytes);
        }

        assertThat(afterFirst).isEqualTo(2);
        assertThat(registry.callCount()).isEqualTo(afterFirst);
    }

    @Test
    void anotherTopicIsAnotherSubjectAndOneMoreCall() {
        serde.serializer().serialize("pop-capacity", pop().build());
        serde.serializer().serialize("pop-capacity-replay", pop().build());
        serde.serializer().serialize("pop-capacity-replay", pop().build());

        assertThat(registry.callCount()).isEqualTo(2);
        assertThat(registry.latest("pop-capacity-replay-value").id()).isEqualTo(registry.latest("pop-capacity-value").id());
    }
}
