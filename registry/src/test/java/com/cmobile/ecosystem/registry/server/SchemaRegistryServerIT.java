package com.cmobile.ecosystem.registry.server;

import static com.cmobile.ecosystem.registry.server.RegistryHttp.schemaBody;
import static com.cmobile.ecosystem.registry.server.Schemas.PARTNER_V1;
import static com.cmobile.ecosystem.registry.server.Schemas.POP_CAPACITY_AS_STRING;
import static com.cmobile.ecosystem.registry.server.Schemas.POP_V1;
import static com.cmobile.ecosystem.registry.server.Schemas.POP_V2_OPTIONAL_CITY;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every route and every error shape, over HTTP, against a registry with its own schema topic. */
@ExtendWith(IsolatedRegistry.class)
class SchemaRegistryServerIT {

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private final RegistryHttp http;

    SchemaRegistryServerIT(RegistryHttp http) {
        this.http = http;
    }

    @Test
    void registeredSchemaIsFetchableByIdInConfluentsMediaType() {
        String subject = "pop-value";

        int id = http.register(subject, POP_V1);
        var answer = http.get("/schemas/ids/" + id);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith(CONTENT_TYPE);
        assertThat(new Schema.Parser().parse(answer.json().path("schema").asText()))
                .isEqualTo(new Schema.Parser().parse(POP_V1));
    }

    @Test
    void theSameSchemaUnderTwoSubjectsHasOneIdEvenWithDifferentWhitespace() {
        int first = http.register("a-value", POP_V1);
        int second = http.register("b-value", POP_V1.replace(" ", "").replace("\n", ""));

        assertThat(second).isEqualTo(first);
    }

    @Test
    void reRegisteringTheSameSchemaAddsNoVersion() {
        String subject = "same-value";
        int id = http.register(subject, POP_V1);

        int again = http.register(subject, POP_V1);

        assertThat(again).isEqualTo(id);
        assertThat(http.get("/subjects/" + subject + "/versions").json()).hasSize(1);
    }

    @Test
    void latestAndNumberedVersionsCarrySubjectVersionIdAndSchema() {
        String subject = "versions-value";
        int v1 = http.register(subject, POP_V1);
        int v2 = http.register(subject, POP_V2_OPTIONAL_CITY);

        var latest = http.get("/subjects/" + subject + "/versions/latest").json();
        var first = http.get("/subjects/" + subject + "/versions/1").json();

        assertThat(latest.path("subject").asText()).isEqualTo(subject);
        assertThat(latest.path("version").asInt()).isEqualTo(2);
        assertThat(latest.path("id").asInt()).isEqualTo(v2);
        assertThat(first.path("version").asInt()).isEqualTo(1);
        assertThat(first.path("id").asInt()).isEqualTo(v1);
        assertThat(http.get("/subjects/" + subject + "/versions").json().toString()).isEqualTo("[1,2]");
        assertThat(http.get("/subjects").json().toString()).contains("\"" + subject + "\"");
        assertThat(new Schema.Parser().parse(http.get("/subjects/" + subject + "/versions/2/schema").body()))
                .isEqualTo(new Schema.Parser().parse(POP_V2_OPTIONAL_CITY));
    }

    @Test
    void lookupFindsTheVersionHoldingASchema() {
        String subject = "lookup-value";
        int id = http.register(subject, POP_V1);

        var found = http.post("/subjects/" + subject, schemaBody(POP_V1));

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().path("id").asInt()).isEqualTo(id);
        assertThat(found.json().path("version").asInt()).isEqualTo(1);
        assertThat(found.json().path("subject").asText()).isEqualTo(subject);
    }

    @Test
    void lookupOfASchemaNotUnderTheSubjectIs40403() {
        http.register("lookup-miss-value", POP_V1);

        var answer = http.post("/subjects/lookup-miss-value", schemaBody(PARTNER_V1));

        assertThat(answer.statusAndErrorCode()).containsExactly(404, 40403);
    }

    @Test
    void unknownSubjectIs40401() {
        var answer = http.get("/subjects/no-such-subject/versions/latest");

        assertThat(answer.statusAndErrorCode()).containsExactly(404, 40401);
        assertThat(answer.json().path("message").asText()).isEqualTo("Subject 'no-such-subject' not found.");
        assertThat(http.post("/subjects/no-such-subject", schemaBody(POP_V1)).errorCode()).isEqualTo(40401);
        assertThat(http.get("/subjects/no-such-subject/versions").errorCode()).isEqualTo(40401);
    }

    @Test
    void unknownVersionIs40402() {
        http.register("one-version-value", POP_V1);

        var answer = http.get("/subjects/one-version-value/versions/7");

        assertThat(answer.statusAndErrorCode()).containsExactly(404, 40402);
    }

    @Test
    void unknownSchemaIdIs40403() {
        var answer = http.get("/schemas/ids/987654");

        assertThat(answer.statusAndErrorCode()).containsExactly(404, 40403);
        assertThat(answer.json().path("message").asText()).isEqualTo("Schema 987654 not found");
    }

    @Test
    void aVersionThatIsNotANumberIs42202() {
        var answer = http.get("/subjects/anything/versions/first");

        assertThat(answer.statusAndErrorCode()).containsExactly(422, 42202);
    }

    @Test
    void invalidAvroIs42201() {
        var answer = http.post("/subjects/bad-value/versions",
                schemaBody("{\"type\":\"record\",\"name\":\"Pop\",\"fields\":[{\"name\":\"x\",\"type\":\"nope\"}]}"));

        assertThat(answer.statusAndErrorCode()).containsExactly(422, 42201);
        assertThat(answer.json().path("message").asText()).contains("nope");
    }

    @Test
    void aDefaultThatDoesNotMatchItsTypeIs42201() {
        var answer = http.post("/subjects/bad-default-value/versions", schemaBody("""
                {"type":"record","name":"Pop","fields":[{"name":"x","type":"long","default":"ten"}]}"""));

        assertThat(answer.statusAndErrorCode()).containsExactly(422, 42201);
    }

    @Test
    void aMissingSchemaFieldAndANonAvroSchemaTypeAre42201() {
        String path = "/subjects/no-schema-value/versions";

        assertThat(http.post(path, "{}").errorCode()).isEqualTo(42201);
        assertThat(http.post(path, "{\"schema\":\"syntax = \\\"proto3\\\";\",\"schemaType\":\"PROTOBUF\"}").errorCode())
                .isEqualTo(42201);
    }

    @Test
    void malformedJsonIsA400InConfluentsErrorShape() {
        var answer = http.post("/subjects/malformed-value/versions", "{\"schema\": ");

        assertThat(answer.statusAndErrorCode()).containsExactly(400, 400);
        assertThat(answer.json().path("message").asText()).isNotBlank().doesNotContain("at com.");
    }

    @Test
    void aBodyThatIsNotAnObjectIsA400() {
        var answer = http.post("/subjects/array-value/versions", "[1,2]");

        assertThat(answer.statusAndErrorCode()).containsExactly(400, 400);
    }

    @Test
    void unknownPathIsA404InConfluentsErrorShape() {
        var answer = http.get("/no/such/route");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith(CONTENT_TYPE);
        assertThat(answer.errorCode()).isEqualTo(404);
    }

    @Test
    void aKnownPathWithAnUnsupportedMethodIsA405InConfluentsErrorShape() {
        var answer = http.delete("/config");

        assertThat(answer.statusAndErrorCode()).containsExactly(405, 405);
    }

    @Test
    void subjectCompatibilityOverridesTheGlobalDefaultOfBackward() {
        String subject = "config-value";

        assertThat(http.get("/config").json().path("compatibilityLevel").asText()).isEqualTo("BACKWARD");
        var unset = http.get("/config/" + subject);
        assertThat(unset.statusAndErrorCode()).containsExactly(404, 40408);
        assertThat(http.get("/config/" + subject + "?defaultToGlobal=true").json().path("compatibilityLevel").asText())
                .isEqualTo("BACKWARD");

        var set = http.put("/config/" + subject, "{\"compatibility\":\"FULL_TRANSITIVE\"}");

        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().path("compatibility").asText()).isEqualTo("FULL_TRANSITIVE");
        assertThat(http.get("/config/" + subject).json().path("compatibilityLevel").asText()).isEqualTo("FULL_TRANSITIVE");
        assertThat(http.get("/config").json().path("compatibilityLevel").asText()).isEqualTo("BACKWARD");
    }

    @Test
    void anUnknownCompatibilityLevelIs42203() {
        var answer = http.put("/config/config-bad-value", "{\"compatibility\":\"SIDEWAYS\"}");

        assertThat(answer.statusAndErrorCode()).containsExactly(422, 42203);
    }

    @Test
    void compatibilityCheckAnswersWithoutRegistering() {
        String subject = "check-value";
        http.register(subject, POP_V1);

        var compatible = http.post("/compatibility/subjects/" + subject + "/versions/latest", schemaBody(POP_V2_OPTIONAL_CITY));
        var incompatible = http.post("/compatibility/subjects/" + subject + "/versions/latest?verbose=true",
                schemaBody(POP_CAPACITY_AS_STRING));

        assertThat(compatible.json().path("is_compatible").asBoolean()).isTrue();
        assertThat(incompatible.json().path("is_compatible").asBoolean()).isFalse();
        assertThat(incompatible.json().path("messages").toString()).contains("capacityMbps");
        assertThat(http.get("/subjects/" + subject + "/versions").json()).hasSize(1);
    }

    @Test
    void compatibilityAgainstASubjectWithNoVersionsIsTrue() {
        var answer = http.post("/compatibility/subjects/fresh-value/versions/latest", schemaBody(POP_V1));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("is_compatible").asBoolean()).isTrue();
    }
}
