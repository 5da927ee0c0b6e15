package com.cmobile.ecosystem.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cmobile.ecosystem.registry.StubRegistryServer.Response;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RestSchemaRegistryClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Schema SCHEMA = SchemaBuilder.record("Pop").namespace("test").fields()
            .requiredString("popId").endRecord();

    private StubRegistryServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void registerPostsTheSchemaAsAJsonStringAndReturnsTheId() throws IOException {
        server = StubRegistryServer.start(request -> Response.ok("{\"id\":7,\"unexpected\":{\"nested\":true}}"));

        int id = client().register("pop-capacity-value", SCHEMA);

        assertThat(id).isEqualTo(7);
        var request = server.lastRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.rawPath()).isEqualTo("/subjects/pop-capacity-value/versions");
        assertThat(request.contentType()).contains("application/vnd.schemaregistry.v1+json");
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.get("schema").textValue()).isEqualTo(SCHEMA.toString());
        assertThat(body.has("schemaType")).as("schemaType is only sent for non-Avro schemas").isFalse();
    }

    @Test
    void schemaByIdParsesTheSchemaAndIgnoresExtraFields() {
        server = StubRegistryServer.start(request -> Response.ok(json(Map.of(
                "schema", SCHEMA.toString(), "schemaType", "AVRO", "references", new Object[0], "maxId", 9))));

        Schema schema = client().schemaById(3);

        assertThat(schema).isEqualTo(SCHEMA);
        assertThat(server.lastRequest().rawPath()).isEqualTo("/schemas/ids/3");
        assertThat(server.lastRequest().method()).isEqualTo("GET");
    }

    @Test
    void latestReadsSubjectVersionIdAndSchema() {
        server = StubRegistryServer.start(request -> Response.ok(json(Map.of(
                "subject", "pop-capacity-value", "version", 4, "id", 12, "schema", SCHEMA.toString(),
                "metadata", Map.of("owner", "noc")))));

        RegisteredSchema latest = client().latest("pop-capacity-value");

        assertThat(latest).isEqualTo(new RegisteredSchema("pop-capacity-value", 4, 12, SCHEMA));
        assertThat(server.lastRequest().rawPath()).isEqualTo("/subjects/pop-capacity-value/versions/latest");
    }

    @Test
    void lookupPostsTheSchemaToTheSubject() {
        server = StubRegistryServer.start(request -> Response.ok(json(Map.of(
                "subject", "pop-capacity-value", "version", 2, "id", 5, "schema", SCHEMA.toString()))));

        RegisteredSchema found = client().lookup("pop-capacity-value", SCHEMA);

        assertThat(found.version()).isEqualTo(2);
        assertThat(found.id()).isEqualTo(5);
        assertThat(server.lastRequest().method()).isEqualTo("POST");
        assertThat(server.lastRequest().rawPath()).isEqualTo("/subjects/pop-capacity-value");
    }

    @Test
    void compatibilityCheckReadsIsCompatible() {
        server = StubRegistryServer.start(request -> Response.ok("{\"is_compatible\":false,\"messages\":[\"field removed\"]}"));

        assertThat(client().isCompatible("pop-capacity-value", SCHEMA)).isFalse();
        assertThat(server.lastRequest().rawPath()).isEqualTo("/compatibility/subjects/pop-capacity-value/versions/latest");
    }

    @Test
    void globalConfigReadsTheCompatibilityLevel() {
        server = StubRegistryServer.start(request -> Response.ok("{\"compatibilityLevel\":\"FULL_TRANSITIVE\",\"normalize\":false}"));

        assertThat(client().compatibility()).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
        assertThat(server.lastRequest().rawPath()).isEqualTo("/config");
    }

    @Test
    void subjectWithoutItsOwnLevelHasNone() {
        server = StubRegistryServer.start(request ->
                Response.error(404, 40408, "Subject 'pop-capacity-value' does not have subject-level compatibility configured"));

        assertThat(client().compatibility("pop-capacity-value")).isEmpty();
    }

    @Test
    void settingALevelPutsConfluentsBody() throws IOException {
        server = StubRegistryServer.start(request -> Response.ok(request.body()));

        client().setCompatibility("pop-capacity-value", CompatibilityLevel.FORWARD);

        var request = server.lastRequest();
        assertThat(request.method()).isEqualTo("PUT");
        assertThat(request.rawPath()).isEqualTo("/config/pop-capacity-value");
        assertThat(JSON.readTree(request.body())).isEqualTo(JSON.readTree("{\"compatibility\":\"FORWARD\"}"));
    }

    @Test
    void subjectsAreEncodedAsOnePathSegment() {
        server = StubRegistryServer.start(request -> Response.ok("{\"id\":1}"));

        client().register("odd topic/x-value", SCHEMA);

        assertThat(server.lastRequest().rawPath()).isEqualTo("/subjects/odd%20topic%2Fx-value/versions");
    }

    @Test
    void answerWithoutTheExpectedFieldIsAClearError() {
        server = StubRegistryServer.start(request -> Response.ok("{\"identifier\":7}"));

        assertThatThrownBy(() -> client().register("pop-capacity-value", SCHEMA))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("'id'")
                .hasMessageContaining("pop-capacity-value");
    }

    private RestSchemaRegistryClient client() {
        return new RestSchemaRegistryClient(RegistrySettings.from(server.url(), Map.of()));
    }

    private static String json(Map<String, Object> fields) {
        ObjectNode node = JSON.valueToTree(fields);
        return node.toString();
    }
}
