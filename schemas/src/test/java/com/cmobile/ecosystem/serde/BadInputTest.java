package com.cmobile.ecosystem.serde;

import static com.cmobile.ecosystem.testing.SampleEvents.pop;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.registry.MockSchemaRegistry;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BadInputTest {

    private static final String TOPIC = "pop-capacity";

    private final String scope = "bad-input-" + UUID.randomUUID();
    private final Map<String, Object> config = Map.of("schema.registry.url", "mock://" + scope);
    private final SpecificAvroSerde<PopCapacityEvent> serde = EventSerdes.popCapacity(config);

    @AfterEach
    void dropRegistry() {
        MockSchemaRegistry.dropScope(scope);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 4})
    void recordShorterThanTheHeaderIsRejected(int length) {
        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, new byte[length]))
                .isExactlyInstanceOf(SerializationException.class)
                .hasMessageContaining(TOPIC)
                .hasMessageContaining(length + " bytes");
    }

    @Test
    void wrongMagicByteIsRejected() {
        byte[] bytes = valid();
        bytes[0] = 0x01;
        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, bytes))
                .isExactlyInstanceOf(SerializationException.class)
                .hasMessageContaining(TOPIC)
                .hasMessageContaining("magic byte 0x01");
    }

    @Test
    void plainStringIsRejectedForItsMagicByte() {
        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, "hello world".getBytes()))
                .isExactlyInstanceOf(SerializationException.class)
                .hasMessageContaining("magic byte 0x68");
    }

    @Test
    void unknownSchemaIdIsRejected() {
        byte[] bytes = valid();
        bytes[4] = 99;
        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, bytes))
                .isExactlyInstanceOf(SerializationException.class)
                .hasMessageContaining(TOPIC)
                .hasMessageContaining("unknown schema id 99");
    }

    @Test
    void truncatedAvroIsRejected() {
        byte[] bytes = valid();
        byte[] truncated = Arrays.copyOf(bytes, bytes.length - 3);
        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, truncated))
                .isExactlyInstanceOf(SerializationException.class)
                .hasMessageContaining(TOPIC)
                .hasMessageContaining("corrupt Avro");
    }

    @Test
    void trailingBytesAreRejected() {
        byte[] bytes = valid();
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 2);
        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, longer))
                .isExactlyInstanceOf(SerializationException.class)
                .hasMessageContaining("left over");
    }

    @Test
    void garbageAfterAValidHeaderIsRejected() {
        byte[] bytes = valid();
        Arrays.fill(bytes, 5, bytes.length, (byte) 0xff);
        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, bytes))
                .isExactlyInstanceOf(SerializationException.class)
                .hasMessageContaining(TOPIC);
    }

    @Test
    void headerOnlyIsRejected() {
        byte[] header = Arrays.copyOf(valid(), 5);
        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, header))
                .isExactlyInstanceOf(SerializationException.class)
                .hasMessageContaining("corrupt Avro");
    }

    @Test
    void unconfiguredDeserializerSaysSo() {
        var deserializer = new SpecificAvroDeserializer<>(PopCapacityEvent.class);
        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, valid()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("configure");
    }

    private byte[] valid() {
        return serde.serializer().serialize(TOPIC, pop().build());
    }
}
