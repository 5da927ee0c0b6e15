package com.cmobile.ecosystem.serde;

import static com.cmobile.ecosystem.testing.SampleEvents.pop;
import static org.assertj.core.api.Assertions.assertThat;

import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.registry.MockSchemaRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WireFormatTest {

    private final String scope = "wire-" + UUID.randomUUID();
    private final MockSchemaRegistry registry = MockSchemaRegistry.forScope(scope);

    @AfterEach
    void dropRegistry() {
        MockSchemaRegistry.dropScope(scope);
    }

    @Test
    void recordIsMagicByteThenBigEndianSchemaIdThenPlainAvroBinary() throws IOException {
        // given 257 other schemas, so the event's id (258 = 0x00000102) needs two id bytes
        for (int i = 0; i < 257; i++) {
            registry.register("filler-" + i, SchemaBuilder.record("Filler" + i).fields().requiredInt("n").endRecord());
        }
        PopCapacityEvent event = pop().build();
        var serializer = new SpecificAvroSerializer<PopCapacityEvent>();
        serializer.configure(Map.of("schema.registry.url", "mock://" + scope), false);

        // when
        byte[] bytes = serializer.serialize("pop-capacity", event);

        // then
        assertThat(registry.latest("pop-capacity-value").id()).isEqualTo(258);
        assertThat(Arrays.copyOfRange(bytes, 0, 5)).containsExactly(0x00, 0x00, 0x00, 0x01, 0x02);
        assertThat(Arrays.copyOfRange(bytes, 5, bytes.length)).isEqualTo(plainAvro(event));
    }

    @Test
    void headerConstantsDescribeConfluentsFormat() {
        assertThat(WireFormat.MAGIC_BYTE).isEqualTo((byte) 0);
        assertThat(WireFormat.HEADER_LENGTH).isEqualTo(5);
    }

    @Test
    void schemaIdsUseAllFourBytesBigEndian() {
        byte[] header = new byte[5];
        WireFormat.writeHeader(header, 0x7f01_02ff);
        assertThat(header).containsExactly(0x00, 0x7f, 0x01, 0x02, 0xff);
        assertThat(WireFormat.readSchemaId(header, 0)).isEqualTo(0x7f01_02ff);
    }

    private static byte[] plainAvro(PopCapacityEvent event) throws IOException {
        var out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(PopCapacityEvent.class).write(event, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
