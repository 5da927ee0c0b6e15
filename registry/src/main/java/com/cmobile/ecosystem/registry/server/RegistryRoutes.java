package com.cmobile.ecosystem.registry.server;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import com.cmobile.ecosystem.registry.CompatibilityLevel;
import com.cmobile.ecosystem.registry.ErrorCodes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;

/**
 * Confluent's REST subset, mapped onto {@link SchemaStore}: parse the request, call the store,
 * write Confluent's JSON. Refusals are thrown as {@link RegistryException} and rendered as
 * Confluent's error JSON by {@link SchemaRegistryServer}.
 */
final class RegistryRoutes {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SchemaStore store;

    RegistryRoutes(SchemaStore store) {
        this.store = store;
    }

    void register(Javalin app) {
        app.get("/", ctx -> respond(ctx, 200, Map.of()));
        app.get("/subjects", ctx -> respond(ctx, 200, store.subjects()));
        app.post("/subjects/{subject}/versions", this::registerSchema);
        app.get("/subjects/{subject}/versions", ctx -> respond(ctx, 200, store.versions(subject(ctx))));
        app.get("/subjects/{subject}/versions/{version}", ctx ->
                respond(ctx, 200, versionJson(store.version(subject(ctx), version(ctx)))));
        app.get("/subjects/{subject}/versions/{version}/schema", ctx ->
                raw(ctx, store.version(subject(ctx), version(ctx)).schema()));
        app.post("/subjects/{subject}", ctx ->
                respond(ctx, 200, versionJson(store.lookup(subject(ctx), schemaOf(ctx)))));
        app.get("/schemas/ids/{id}", ctx -> {
            int id = schemaId(ctx);
            String schema = store.schemaById(id).orElseThrow(() -> RegistryException.schemaNotFound(id));
            respond(ctx, 200, Map.of("schema", schema));
        });
        app.get("/schemas/ids/{id}/schema", ctx -> {
            int id = schemaId(ctx);
            raw(ctx, store.schemaById(id).orElseThrow(() -> RegistryException.schemaNotFound(id)));
        });
        app.post("/compatibility/subjects/{subject}/versions/{version}", this::checkCompatibility);
        app.get("/config", ctx -> respond(ctx, 200, Map.of("compatibilityLevel", store.globalCompatibility().name())));
        app.put("/config", ctx -> {
            var level = compatibilityOf(ctx);
            store.setGlobalCompatibility(level);
            respond(ctx, 200, Map.of("compatibility", level.name()));
        });
        app.get("/config/{subject}", this::subjectConfig);
        app.put("/config/{subject}", ctx -> {
            var level = compatibilityOf(ctx);
            store.setSubjectCompatibility(subject(ctx), level);
            respond(ctx, 200, Map.of("compatibility", level.name()));
        });
    }

    private void registerSchema(Context ctx) {
        var registration = store.register(subject(ctx), schemaOf(ctx));
        respond(ctx, 200, Map.of("id", registration.id()));
    }

    private void checkCompatibility(Context ctx) {
        String subject = subject(ctx);
        OptionalInt version = version(ctx);
        List<String> problems = store.compatibilityProblems(subject, schemaOf(ctx), version);
        ObjectNode body = JSON.createObjectNode();
        body.put("is_compatible", problems.isEmpty());
        if (Boolean.parseBoolean(ctx.queryParam("verbose"))) {
            problems.forEach(body.putArray("messages")::add);
        }
        respond(ctx, 200, body);
    }

    private void subjectConfig(Context ctx) {
        String subject = subject(ctx);
        var level = store.subjectCompatibility(subject);
        if (level.isEmpty() && !Boolean.parseBoolean(ctx.queryParam("defaultToGlobal"))) {
            throw RegistryException.subjectCompatibilityNotConfigured(subject);
        }
        respond(ctx, 200, Map.of("compatibilityLevel", level.orElseGet(store::globalCompatibility).name()));
    }

    private static Map<String, Object> versionJson(SchemaStore.SubjectVersion version) {
        return Map.of("subject", version.subject(), "version", version.version(), "id", version.id(),
                "schema", version.schema());
    }

    private static String subject(Context ctx) {
        return ctx.pathParam("subject");
    }

    /** "latest" or -1 mean the latest version (empty); otherwise 1 .. 2^31-1. */
    static OptionalInt version(Context ctx) {
        return parseVersion(ctx.pathParam("version"));
    }

    static OptionalInt parseVersion(String text) {
        if (text.equals("latest") || text.equals("-1")) {
            return OptionalInt.empty();
        }
        try {
            int version = Integer.parseInt(text);
            if (version >= 1) {
                return OptionalInt.of(version);
            }
        } catch (NumberFormatException e) {
            // falls through to the error every non-version gets
        }
        throw RegistryException.invalidVersion(text);
    }

    private static int schemaId(Context ctx) {
        String text = ctx.pathParam("id");
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new RegistryException(404, ErrorCodes.SCHEMA_NOT_FOUND, "Schema " + text + " not found");
        }
    }

    /** The "schema" string of a request body; Avro only, no references. */
    private static String schemaOf(Context ctx) {
        JsonNode body = bodyObject(ctx);
        JsonNode schemaType = body.path("schemaType");
        if (schemaType.isTextual() && !schemaType.asText().equalsIgnoreCase("AVRO")) {
            throw RegistryException.invalidSchema("schemaType " + schemaType.asText()
                    + " is not supported; this registry stores Avro schemas only");
        }
        JsonNode references = body.path("references");
        if (references.isArray() && !references.isEmpty()) {
            throw RegistryException.invalidSchema("schema references are not supported");
        }
        JsonNode schema = body.path("schema");
        if (schema.isMissingNode() || schema.isNull()) {
            throw RegistryException.invalidSchema("the request has no \"schema\" field");
        }
        if (!schema.isTextual()) {
            throw RegistryException.badRequest("Cannot deserialize value of type `java.lang.String` from "
                    + schema.getNodeType() + " value (field \"schema\" must be a JSON string holding the schema)");
        }
        return schema.asText();
    }

    private static CompatibilityLevel compatibilityOf(Context ctx) {
        JsonNode level = bodyObject(ctx).path("compatibility");
        String text = level.isTextual() ? level.asText() : level.toString();
        return CompatibilityLevel.parse(text).orElseThrow(() -> RegistryException.invalidCompatibilityLevel(text));
    }

    /** Malformed JSON and a body that is not an object get 400, as Confluent's JSON mappers answer. */
    private static JsonNode bodyObject(Context ctx) {
        String body = ctx.body();
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw RegistryException.badRequest(e.getOriginalMessage());
        }
        if (node == null || node.isMissingNode()) {
            throw RegistryException.badRequest("No content to map due to end-of-input");
        }
        if (!node.isObject()) {
            throw RegistryException.badRequest("The request body must be a JSON object, was " + node.getNodeType());
        }
        return node;
    }

    static void respond(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType(CONTENT_TYPE).result(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write a registry response", e);
        }
    }

    private static void raw(Context ctx, String schema) {
        ctx.status(200).contentType(CONTENT_TYPE).result(schema);
    }
}
