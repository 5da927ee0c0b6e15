package com.cmobile.ecosystem.serde;

import static com.cmobile.ecosystem.testing.SampleEvents.pop;
import static org.assertj.core.api.Assertions.assertThat;

import com.cmobile.ecosystem.events.PopAction;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.evolution.PopActionV2;
import com.cmobile.ecosystem.evolution.PopCapacityEventV2;
import com.cmobile.ecosystem.registry.MockSchemaRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Readers and writers on different, compatible versions of a schema. {@code PopCapacityEventV2}
 * (test-only, src/test/avro) is the next version of {@code PopCapacityEvent}: one new optional field.
 */
class SchemaEvolutionTest {

    private static final String TOPIC = "pop-capacity";

    private final String scope = "evolution-" + UUID.randomUUID();
    private final MockSchemaRegistry registry = MockSchemaRegistry.forScope(scope);
    private final Map<String, Object> config = Map.of("schema.registry.url", "mock://" + scope);

    @AfterEach
    void dropRegistry() {
        MockSchemaRegistry.dropScope(scope);
    }

    @Test
    void readerWithNewerSchemaReadsRecordsWrittenWithTheOlderOne() {
        // given a record written with the current schema
        PopCapacityEvent old = pop().setAction(PopAction.CAPACITY_CHANGED).build();
        byte[] bytes = EventSerdes.popCapacity(config).serializer().serialize(TOPIC, old);
        var newerReader = new SpecificAvroDeserializer<>(PopCapacityEventV2.class);
        newerReader.configure(config, false);

        // when a reader compiled from the next version reads it
        PopCapacityEventV2 read = newerReader.deserialize(TOPIC, bytes);

        // then the old fields carry over and the new field takes its default
        assertThat(read.getPopId()).isEqualTo(old.getPopId());
        assertThat(read.getAction()).isEqualTo(PopActionV2.CAPACITY_CHANGED);
        assertThat(read.getCapacityMbps()).isEqualTo(old.getCapacityMbps());
        assertThat(read.getOccurredAt()).isEqualTo(old.getOccurredAt());
        assertThat(read.getEventId()).isEqualTo(old.getEventId());
        assertThat(read.getOperator()).isNull();
    }

    @Test
    void readerWithOlderSchemaReadsRecordsWrittenWithTheNewerOne() throws IOException {
        // given a record written with a newer schema of the same name, one optional field added
        Schema newer = withExtraOptionalField(PopCapacityEvent.getClassSchema());
        registry.register(TOPIC + "-value", PopCapacityEvent.getClassSchema());
        int newerId = registry.register(TOPIC + "-value", newer);
        GenericRecord record = asGeneric(pop().build(), newer);
        record.put("operator", "CMI");
        byte[] bytes = frame(newerId, newer, record);

        // when the current reader reads it
        PopCapacityEvent read = EventSerdes.popCapacity(config).deserializer().deserialize(TOPIC, bytes);

        // then the unknown field is skipped
        assertThat(read).isEqualTo(pop().build());
    }

    @Test
    void addingAnOptionalFieldWithADefaultIsBackwardCompatible() {
        registry.register(TOPIC + "-value", PopCapacityEvent.getClassSchema());

        assertThat(registry.isCompatible(TOPIC + "-value", PopCapacityEventV2.getClassSchema())).isTrue();
    }

    @Test
    void recordsOfBothVersionsInterleaveOnOneTopic() throws IOException {
        Schema newer = withExtraOptionalField(PopCapacityEvent.getClassSchema());
        byte[] oldBytes = EventSerdes.popCapacity(config).serializer().serialize(TOPIC, pop().build());
        int newerId = registry.register(TOPIC + "-value", newer);
        byte[] newBytes = frame(newerId, newer, asGeneric(pop().setCapacityMbps(1).build(), newer));
        var deserializer = EventSerdes.popCapacity(config).deserializer();

        assertThat(deserializer.deserialize(TOPIC, oldBytes).getCapacityMbps()).isEqualTo(400_000);
        assertThat(deserializer.deserialize(TOPIC, newBytes).getCapacityMbps()).isEqualTo(1);
        assertThat(deserializer.deserialize(TOPIC, oldBytes).getCapacityMbps()).isEqualTo(400_000);
        assertThat(deserializer.deserialize(TOPIC, null, ByteBuffer.wrap(newBytes)).getCapacityMbps()).isEqualTo(1);
    }

    private static Schema withExtraOptionalField(Schema base) {
        var fields = SchemaBuilder.record(base.getName()).namespace(base.getNamespace()).fields();
        for (Schema.Field field : base.getFields()) {
            fields = fields.name(field.name()).type(field.schema()).noDefault();
        }
        return fields.name("operator").type().optional().stringType().endRecord();
    }

    private static GenericRecord asGeneric(PopCapacityEvent event, Schema schema) {
        GenericRecord record = new GenericData.Record(schema);
        record.put("eventId", event.getEventId().toString());
        record.put("popId", event.getPopId());
        record.put("action", new GenericData.EnumSymbol(schema.getField("action").schema(), event.getAction().name()));
        record.put("city", event.getCity());
        record.put("country", event.getCountry());
        record.put("businessLocation", event.getBusinessLocation());
        record.put("capacityMbps", event.getCapacityMbps());
        record.put("occurredAt", event.getOccurredAt().toEpochMilli());
        record.put("source", event.getSource());
        return record;
    }

    private static byte[] frame(int schemaId, Schema schema, GenericRecord record) throws IOException {
        var out = new ByteArrayOutputStream();
        out.write(new byte[] {0, (byte) (schemaId >>> 24), (byte) (schemaId >>> 16), (byte) (schemaId >>> 8), (byte) schemaId});
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
