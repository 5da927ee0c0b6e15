package com.cmobile.ecosystem.registry.server;

import static com.cmobile.ecosystem.registry.server.Schemas.POP_CAPACITY_AS_STRING;
import static com.cmobile.ecosystem.registry.server.Schemas.POP_REQUIRED_CITY;
import static com.cmobile.ecosystem.registry.server.Schemas.POP_V1;
import static com.cmobile.ecosystem.registry.server.Schemas.POP_V2_OPTIONAL_CITY;
import static com.cmobile.ecosystem.registry.server.Schemas.POP_V3_CITY_WITHOUT_DEFAULT;
import static com.cmobile.ecosystem.registry.server.Schemas.POP_WITHOUT_CAPACITY;
import static com.cmobile.ecosystem.registry.server.RegistryHttp.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import com.cmobile.ecosystem.testkit.EmbeddedKafka;
import com.cmobile.ecosystem.testkit.EmbeddedKafkaExtension;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Schema evolution as Confluent's rules and Avro's resolution decide it. */
@ExtendWith(EmbeddedKafkaExtension.class)
class SchemaEvolutionIT {

    private static SchemaRegistryServer server;
    private static RegistryHttp http;
    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startRegistry(EmbeddedKafka embeddedKafka) {
        kafka = embeddedKafka;
        server = SchemaRegistryServer.start(kafka.bootstrapServers(), 0, kafka.uniqueName("_schemas-evolution"));
        http = new RegistryHttp(server.url());
    }

    @AfterAll
    static void stopRegistry() {
        server.close();
    }

    @Test
    void addingAnOptionalFieldWithADefaultRegistersUnderBackwardAndOldRecordsStillRead() throws IOException {
        // given v1 registered under the default (BACKWARD) level and a record written with it
        String subject = kafka.uniqueName("pop-capacity-value");
        int v1 = http.register(subject, POP_V1);
        byte[] oldRecord = write(POP_V1, "pop-nbo-1", 400L);

        // when v2 adds an optional city with a default
        var answer = http.post("/subjects/" + subject + "/versions", schemaBody(POP_V2_OPTIONAL_CITY));

        // then it becomes version 2 with a new id, and the old record reads with v2, city defaulted
        assertThat(answer.status()).isEqualTo(200);
        int v2 = answer.json().path("id").asInt();
        assertThat(v2).isNotEqualTo(v1);
        assertThat(http.get("/subjects/" + subject + "/versions/latest").json().path("version").asInt()).isEqualTo(2);

        Schema writer = new Schema.Parser().parse(http.get("/schemas/ids/" + v1).json().path("schema").asText());
        Schema reader = new Schema.Parser().parse(http.get("/schemas/ids/" + v2).json().path("schema").asText());
        GenericRecord read = read(oldRecord, writer, reader);
        assertThat(read.get("popId")).hasToString("pop-nbo-1");
        assertThat(read.get("capacityMbps")).isEqualTo(400L);
        assertThat(read.get("city")).isNull();
    }

    @Test
    void addingARequiredFieldIsRefusedWith409UnderBackward() {
        String subject = kafka.uniqueName("pop-required-value");
        http.register(subject, POP_V1);

        var answer = http.post("/subjects/" + subject + "/versions", schemaBody(POP_REQUIRED_CITY));

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.errorCode()).isEqualTo(409);
        assertThat(answer.json().path("message").asText()).contains("incompatible").contains(subject).contains("city");
    }

    @Test
    void changingAFieldTypeIsRefusedWith409UnderBackward() {
        String subject = kafka.uniqueName("pop-type-value");
        http.register(subject, POP_V1);

        var answer = http.post("/subjects/" + subject + "/versions", schemaBody(POP_CAPACITY_AS_STRING));

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.json().path("message").asText()).contains("capacityMbps");
    }

    @Test
    void removingAFieldWithoutADefaultIsRefusedWith409WhereOldReadersMustCope() {
        // given a subject whose old consumers must read new data (FULL = BACKWARD + FORWARD)
        String subject = kafka.uniqueName("pop-remove-value");
        http.register(subject, POP_V1);
        http.put("/config/" + subject, "{\"compatibility\":\"FULL\"}");

        // when capacityMbps, which has no default, is removed
        var answer = http.post("/subjects/" + subject + "/versions", schemaBody(POP_WITHOUT_CAPACITY));

        // then it is refused: a v1 reader would find no value for capacityMbps
        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.json().path("message").asText()).contains("capacityMbps");
    }

    @Test
    void removingAFieldIsAcceptedUnderPlainBackwardAsInConfluentsRegistry() {
        String subject = kafka.uniqueName("pop-remove-backward-value");
        http.register(subject, POP_V1);

        var answer = http.post("/subjects/" + subject + "/versions", schemaBody(POP_WITHOUT_CAPACITY));

        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void transitiveLevelsCheckEveryEarlierVersionNotJustTheLatest() {
        // given v1, then v2 adding city with a default
        String plain = kafka.uniqueName("pop-plain-value");
        String transitive = kafka.uniqueName("pop-transitive-value");
        http.put("/config/" + transitive, "{\"compatibility\":\"BACKWARD_TRANSITIVE\"}");
        for (String subject : new String[] {plain, transitive}) {
            http.register(subject, POP_V1);
            http.register(subject, POP_V2_OPTIONAL_CITY);
        }

        // when v3 drops city's default: it reads v2 data, but not v1 data (no city to read)
        var underBackward = http.post("/subjects/" + plain + "/versions", schemaBody(POP_V3_CITY_WITHOUT_DEFAULT));
        var underTransitive = http.post("/subjects/" + transitive + "/versions", schemaBody(POP_V3_CITY_WITHOUT_DEFAULT));

        // then only the transitive level refuses it
        assertThat(underBackward.status()).isEqualTo(200);
        assertThat(underTransitive.status()).isEqualTo(409);
    }

    @Test
    void noneAcceptsAnything() {
        String subject = kafka.uniqueName("pop-none-value");
        http.put("/config/" + subject, "{\"compatibility\":\"NONE\"}");
        http.register(subject, POP_V1);

        var answer = http.post("/subjects/" + subject + "/versions", schemaBody(POP_CAPACITY_AS_STRING));

        assertThat(answer.status()).isEqualTo(200);
    }

    private static byte[] write(String schemaText, String popId, long capacityMbps) throws IOException {
        Schema schema = new Schema.Parser().parse(schemaText);
        GenericRecord record = new GenericData.Record(schema);
        record.put("popId", popId);
        record.put("capacityMbps", capacityMbps);
        var out = new ByteArrayOutputStream();
        var encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static GenericRecord read(byte[] bytes, Schema writer, Schema reader) throws IOException {
        return new GenericDatumReader<GenericRecord>(writer, reader)
                .read(null, DecoderFactory.get().binaryDecoder(bytes, null));
    }
}
