package com.cmobile.ecosystem.registry;

import com.cmobile.ecosystem.registry.StubRegistryServer.Request;
import com.cmobile.ecosystem.registry.StubRegistryServer.Response;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;

/**
 * A loopback HTTP front for a fresh {@link MockSchemaRegistry} scope, answering the two calls
 * Confluent's serializers make, ours and Confluent's Python client alike: register a schema
 * ({@code POST /subjects/<subject>/versions}) and fetch one by id ({@code GET /schemas/ids/<id>}).
 * Anything else is a 404. The registry server (module {@code registry}) serves the whole API; this
 * module cannot depend on it.
 */
public final class MockRegistryFront implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REGISTER = Pattern.compile("/subjects/([^/?]+)/versions(\\?.*)?");
    private static final Pattern SCHEMA_BY_ID = Pattern.compile("/schemas/ids/(\\d+)(\\?.*)?");

    private final String scope = "front-" + UUID.randomUUID();
    private final MockSchemaRegistry registry = MockSchemaRegistry.forScope(scope);
    private final StubRegistryServer server = StubRegistryServer.start(this::answer);

    private MockRegistryFront() {
    }

    public static MockRegistryFront start() {
        return new MockRegistryFront();
    }

    /** For {@code schema.registry.url}. */
    public String url() {
        return server.url();
    }

    @Override
    public void close() {
        server.close();
        MockSchemaRegistry.dropScope(scope);
    }

    private Response answer(Request request) {
        Matcher register = REGISTER.matcher(request.rawPath());
        Matcher schemaById = SCHEMA_BY_ID.matcher(request.rawPath());
        try {
            if ("POST".equals(request.method()) && register.matches()) {
                String subject = URLDecoder.decode(register.group(1), StandardCharsets.UTF_8);
                Schema schema = new Schema.Parser().parse(JSON.readTree(request.body()).path("schema").asText());
                return json(200, Map.of("id", registry.register(subject, schema)));
            }
            if ("GET".equals(request.method()) && schemaById.matches()) {
                Schema schema = registry.schemaById(Integer.parseInt(schemaById.group(1)));
                return json(200, Map.of("schema", schema.toString()));
            }
            return json(404, Map.of("error_code", 404,
                    "message", "not served by this test front: " + request.method() + " " + request.rawPath()));
        } catch (SchemaRegistryException e) {
            return json(e.httpStatus(), Map.of("error_code", e.errorCode(), "message", e.getMessage()));
        } catch (JsonProcessingException e) {
            return json(400, Map.of("error_code", 400, "message", "not JSON: " + e.getOriginalMessage()));
        }
    }

    private static Response json(int status, Map<String, Object> body) {
        try {
            return new Response(status, JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
