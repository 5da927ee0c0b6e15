package com.cmobile.ecosystem.registry.server;

import static com.cmobile.ecosystem.registry.server.RegistryHttp.schemaBody;
import static com.cmobile.ecosystem.registry.server.Schemas.POP_V1;
import static com.cmobile.ecosystem.registry.server.Schemas.POP_V2_OPTIONAL_CITY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.cmobile.ecosystem.events.PopAction;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.registry.RegistryAccessDeniedException;
import com.cmobile.ecosystem.registry.SchemaRegistryClients;
import com.cmobile.ecosystem.serde.EventSerdes;
import com.cmobile.ecosystem.serde.RegistryCredentialsException;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The registry with basic auth: strangers get 401, a read user changing something 403, both with
 * Confluent's error JSON; the write user and our serdes with Confluent's credential properties work.
 */
@ExtendWith(IsolatedRegistry.class)
@WithRegistryUsers({AuthUsers.WRITER_LINE, AuthUsers.READER_LINE})
class SchemaRegistryAuthIT {

    private final RegistryHttp anonymous;
    private final RegistryHttp writer;
    private final RegistryHttp reader;

    SchemaRegistryAuthIT(RegistryHttp registry) {
        anonymous = registry;
        writer = registry.as(AuthUsers.WRITER, AuthUsers.WRITER_PASSWORD);
        reader = registry.as(AuthUsers.READER, AuthUsers.READER_PASSWORD);
    }

    @Test
    void requestsWithoutCredentialsGet401WithABasicChallengeAndConfluentsErrorBody() {
        for (var answer : List.of(anonymous.get("/subjects"), anonymous.get("/"), anonymous.get("/no-such-route"),
                anonymous.post("/subjects/auth-anonymous-value/versions", schemaBody(POP_V1)))) {
            assertThat(answer.statusAndErrorCode()).isEqualTo(List.of(401, 401));
            assertThat(answer.json().path("message").asText()).isEqualTo("Unauthorized");
            assertThat(answer.contentType()).startsWith("application/vnd.schemaregistry.v1+json");
            assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                    assertThat(challenge).startsWith("Basic realm=\"schema-registry\""));
        }
        assertThat(writer.get("/subjects").json().toString()).doesNotContain("auth-anonymous-value");
    }

    @Test
    void wrongPasswordsUnknownUsersAndOtherSchemesGet401() {
        var answers = List.of(
                anonymous.as(AuthUsers.WRITER, AuthUsers.READER_PASSWORD).get("/subjects"),
                anonymous.as("stranger", AuthUsers.WRITER_PASSWORD).get("/subjects"),
                anonymous.withAuthorization("Bearer " + AuthUsers.WRITER_PASSWORD).get("/subjects"),
                anonymous.withAuthorization("Basic not-base64!").get("/subjects"));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.statusAndErrorCode()).isEqualTo(List.of(401, 401));
            assertThat(answer.headers().firstValue("WWW-Authenticate")).isPresent();
        });
    }

    @Test
    void theWriteUserRegistersAndConfigures() {
        var registered = writer.post("/subjects/auth-writer-value/versions", schemaBody(POP_V1));
        var configured = writer.put("/config/auth-writer-value", "{\"compatibility\":\"FULL\"}");

        assertThat(registered.status()).isEqualTo(200);
        assertThat(registered.json().path("id").asInt()).isPositive();
        assertThat(configured.status()).isEqualTo(200);
        assertThat(writer.get("/config/auth-writer-value").json().path("compatibilityLevel").asText()).isEqualTo("FULL");
    }

    @Test
    void theReadUserReadsLooksUpAndTestsCompatibility() {
        int id = writer.register("auth-reader-value", POP_V1);

        assertThat(reader.get("/subjects").json().toString()).contains("auth-reader-value");
        assertThat(reader.get("/subjects/auth-reader-value/versions").status()).isEqualTo(200);
        assertThat(reader.get("/subjects/auth-reader-value/versions/latest").json().path("id").asInt()).isEqualTo(id);
        assertThat(reader.get("/schemas/ids/" + id).status()).isEqualTo(200);
        assertThat(reader.get("/config").status()).isEqualTo(200);
        assertThat(reader.post("/subjects/auth-reader-value", schemaBody(POP_V1)).json().path("id").asInt()).isEqualTo(id);
        assertThat(reader.post("/compatibility/subjects/auth-reader-value/versions/latest", schemaBody(POP_V2_OPTIONAL_CITY))
                .json().path("is_compatible").asBoolean()).isTrue();
    }

    @Test
    void theReadUserGets403ForRegisteringAndConfiguring() {
        writer.register("auth-read-only-value", POP_V1);

        var registering = reader.post("/subjects/auth-read-only-value/versions", schemaBody(POP_V2_OPTIONAL_CITY));
        var configuringSubject = reader.put("/config/auth-read-only-value", "{\"compatibility\":\"NONE\"}");
        var configuringGlobal = reader.put("/config", "{\"compatibility\":\"NONE\"}");

        for (var answer : List.of(registering, configuringSubject, configuringGlobal)) {
            assertThat(answer.statusAndErrorCode()).isEqualTo(List.of(403, 403));
            assertThat(answer.json().path("message").asText()).contains("'" + AuthUsers.READER + "'").contains("write role");
            assertThat(answer.headers().firstValue("WWW-Authenticate")).isEmpty();
        }
        assertThat(writer.get("/subjects/auth-read-only-value/versions").json()).hasSize(1);
        assertThat(writer.get("/config").json().path("compatibilityLevel").asText()).isEqualTo("BACKWARD");
    }

    @Test
    void ourSerdesRegisterAndFetchWithUserInfoCredentials() {
        String topic = "auth-serde-" + UUID.randomUUID();
        PopCapacityEvent event = pop();
        Map<String, Object> asWriter = Map.of("schema.registry.url", anonymous.baseUrl(),
                "basic.auth.credentials.source", "USER_INFO",
                "basic.auth.user.info", AuthUsers.WRITER + ":" + AuthUsers.WRITER_PASSWORD);
        // Confluent's older, prefixed name, on the reading side.
        Map<String, Object> asReader = Map.of("schema.registry.url", anonymous.baseUrl(),
                "basic.auth.credentials.source", "USER_INFO",
                "schema.registry.basic.auth.user.info", AuthUsers.READER + ":" + AuthUsers.READER_PASSWORD);

        byte[] bytes;
        try (var serde = EventSerdes.popCapacity(asWriter)) {
            bytes = serde.serializer().serialize(topic, event);
        }
        PopCapacityEvent read;
        try (var serde = EventSerdes.popCapacity(asReader)) {
            read = serde.deserializer().deserialize(topic, bytes);
        }

        assertThat(read).isEqualTo(event);
        assertThat(reader.get("/subjects/" + topic + "-value/versions").json()).hasSize(1);
    }

    @Test
    void credentialsInTheUrlWorkAsWithConfluentsUrlSource() {
        String url = anonymous.baseUrl().replace("http://", "http://" + AuthUsers.WRITER + ":" + AuthUsers.WRITER_PASSWORD + "@");
        Schema schema = new Schema.Parser().parse(POP_V1);

        try (var client = SchemaRegistryClients.create(url, Map.of("basic.auth.credentials.source", "URL"))) {
            int id = client.register("auth-url-value", schema);

            assertThat(client.schemaById(id)).isEqualTo(schema);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aSerializerWithReadCredentialsOrNoneFailsWithAnAccessErrorNotAnOutage() {
        String topic = "auth-refused-" + UUID.randomUUID();
        Map<String, Object> asReader = Map.of("schema.registry.url", anonymous.baseUrl(),
                "basic.auth.credentials.source", "USER_INFO",
                "basic.auth.user.info", AuthUsers.READER + ":" + AuthUsers.READER_PASSWORD);
        Map<String, Object> withoutCredentials = Map.of("schema.registry.url", anonymous.baseUrl());

        try (var serde = EventSerdes.popCapacity(asReader)) {
            assertThatThrownBy(() -> serde.serializer().serialize(topic, pop()))
                    .isExactlyInstanceOf(RegistryCredentialsException.class)
                    .hasMessageContaining("HTTP 403")
                    .hasMessageContaining("user '" + AuthUsers.READER + "' lacks the rights")
                    .hasMessageNotContaining(AuthUsers.READER_PASSWORD)
                    .hasCauseInstanceOf(RegistryAccessDeniedException.class);
        }
        try (var serde = EventSerdes.popCapacity(withoutCredentials)) {
            assertThatThrownBy(() -> serde.serializer().serialize(topic, pop()))
                    .isExactlyInstanceOf(RegistryCredentialsException.class)
                    .hasMessageContaining("HTTP 401")
                    .hasMessageContaining("basic.auth.user.info");
        }
    }

    private static PopCapacityEvent pop() {
        return PopCapacityEvent.newBuilder()
                .setEventId(UUID.fromString("6a3c1e0e-5b7d-4c1a-9f00-2b9f3f1d7e11"))
                .setPopId("pop-auth-1")
                .setAction(PopAction.COMMISSIONED)
                .setCity("Lyon")
                .setCountry("FR")
                .setBusinessLocation("CMI Europe")
                .setCapacityMbps(100_000)
                .setOccurredAt(Instant.parse("2026-03-01T12:00:00Z"))
                .setSource("auth-it")
                .build();
    }
}
