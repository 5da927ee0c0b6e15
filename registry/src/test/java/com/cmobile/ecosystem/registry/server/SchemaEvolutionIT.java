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

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Schema evolution as Confluent's rules and Avro's resolution decide it. */
@ExtendWith(IsolatedRegistry.class)
class SchemaEvolutionIT {

    private final RegistryHttp http;

    SchemaEvolutionIT(RegistryHttp http) {
        this.http = http;
    }

    @Test
    void addingAnOptionalFieldWithADefaultRegistersUnderBackwardAndOldRecordsStillRead() throws IOException {
        // given v1 registered under the default (BACKWARD) level and a record written with it
        String subject = "pop-capacity-value";
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
        var answer = offerAfterPopV1("pop-required-value", "BACKWARD", POP_REQUIRED_CITY);

        assertThat(answer.statusAndErrorCode()).containsExactly(409, 409);
        assertThat(answer.json().path("message").asText()).contains("incompatible").contains("pop-required-value")
                .contains("city");
    }

    @Test
    void changingAFieldTypeIsRefusedWith409UnderBackward() {
        var answer = offerAfterPopV1("pop-type-value", "BACKWARD", POP_CAPACITY_AS_STRING);

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.json().path("message").asText()).contains("capacityMbps");
    }

    @Test
    void removingAFieldWithoutADefaultIsRefusedWith409WhereOldReadersMustCope() {
        // when capacityMbps, which has no default, is removed where old consumers must read new data
        // (FULL = BACKWARD + FORWARD)
        var answer = offerAfterPopV1("pop-remove-value", "FULL", POP_WITHOUT_CAPACITY);

        // then it is refused: a v1 reader would find no value for capacityMbps
        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.json().path("message").asText()).contains("capacityMbps");
    }

    @Test
    void removingAFieldIsAcceptedUnderPlainBackwardAsInConfluentsRegistry() {
        var answer = offerAfterPopV1("pop-remove-backward-value", "BACKWARD", POP_WITHOUT_CAPACITY);

        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void transitiveLevelsCheckEveryEarlierVersionNotJustTheLatest() {
        // given v1, then v2 adding city with a default
        String plain = "pop-plain-value";
        String transitive = "pop-transitive-value";
        http.compatibility(transitive, "BACKWARD_TRANSITIVE");
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
        var answer = offerAfterPopV1("pop-none-value", "NONE", POP_CAPACITY_AS_STRING);

        assertThat(answer.status()).isEqualTo(200);
    }

    /** Registers v1 under {@code subject} at compatibility {@code level}, then offers {@code next} as version 2. */
    private RegistryHttp.Answer offerAfterPopV1(String subject, String level, String next) {
        http.compatibility(subject, level);
        http.register(subject, POP_V1);
        return http.post("/subjects/" + subject + "/versions", schemaBody(next));
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
