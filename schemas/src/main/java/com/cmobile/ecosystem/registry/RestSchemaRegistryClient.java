package com.cmobile.ecosystem.registry;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * A {@link SchemaRegistryClient} for Confluent Schema Registry's REST API
 * ({@code application/vnd.schemaregistry.v1+json}), also spoken by Apicurio's ccompat API,
 * Karapace and Redpanda.
 *
 * <p>Only the JSON fields it needs are read and unknown ones are ignored, so additions by any of
 * those servers do not break it. With several base URLs it sticks to the one that last answered
 * and moves on to the next when a server cannot be reached or answers with a 5xx. Error bodies
 * ({@code {"error_code":40401,"message":"..."}}) become the matching
 * {@link SchemaRegistryException} subclass.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT =
            "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final List<URI> baseUrls;
    private final Optional<String> authorization;
    private final Optional<String> userName;
    private final Duration requestTimeout;
    private final HttpClient http;
    /** Index of the base URL that answered last; a hint shared by all threads, races are harmless. */
    private volatile int preferred;

    /**
     * @param settings where the registry is and how to talk to it
     */
    public RestSchemaRegistryClient(RegistrySettings settings) {
        Objects.requireNonNull(settings, "settings");
        this.baseUrls = settings.baseUrls();
        this.authorization = settings.userInfo()
                .map(userInfo -> "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)));
        this.userName = settings.userName();
        this.requestTimeout = settings.requestTimeout();
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                // Plain HTTP/1.1: registries and the proxies in front of them do not all handle an h2c upgrade.
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @Override
    public int register(String subject, Schema schema) {
        JsonNode answer = send("POST", "/subjects/" + segment(subject) + "/versions", schemaBody(schema));
        return requiredInt(answer, "id", "register under subject '" + subject + "'");
    }

    @Override
    public Schema schemaById(int id) {
        JsonNode answer = send("GET", "/schemas/ids/" + id, null);
        return parse(requiredText(answer, "schema", "schema id " + id), "schema id " + id);
    }

    @Override
    public RegisteredSchema latest(String subject) {
        return registered(send("GET", "/subjects/" + segment(subject) + "/versions/latest", null), subject);
    }

    @Override
    public RegisteredSchema lookup(String subject, Schema schema) {
        return registered(send("POST", "/subjects/" + segment(subject), schemaBody(schema)), subject);
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
        JsonNode answer = send("POST", "/compatibility/subjects/" + segment(subject) + "/versions/latest", schemaBody(schema));
        JsonNode verdict = answer.get("is_compatible");
        if (verdict == null || !verdict.isBoolean()) {
            throw malformed("compatibility check of subject '" + subject + "'", "is_compatible", answer);
        }
        return verdict.booleanValue();
    }

    @Override
    public CompatibilityLevel compatibility() {
        return level(send("GET", "/config", null), "global config");
    }

    @Override
    public Optional<CompatibilityLevel> compatibility(String subject) {
        try {
            return Optional.of(level(send("GET", "/config/" + segment(subject), null), "config of subject '" + subject + "'"));
        } catch (SchemaRegistryException e) {
            // Newer registries say 40408, older ones 40401, for "this subject has no own level".
            if (e.errorCode() == ErrorCodes.SUBJECT_COMPATIBILITY_NOT_CONFIGURED || e.errorCode() == ErrorCodes.SUBJECT_NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public void setCompatibility(CompatibilityLevel level) {
        send("PUT", "/config", configBody(level));
    }

    @Override
    public void setCompatibility(String subject, CompatibilityLevel level) {
        send("PUT", "/config/" + segment(subject), configBody(level));
    }

    private static String schemaBody(Schema schema) {
        // Confluent's shape: the schema travels as a JSON string; "schemaType" is only sent for
        // non-Avro schemas, so older registries that predate the field accept the request.
        ObjectNode body = JSON.createObjectNode();
        body.put("schema", schema.toString());
        return body.toString();
    }

    private static String configBody(CompatibilityLevel level) {
        ObjectNode body = JSON.createObjectNode();
        body.put("compatibility", level.name());
        return body.toString();
    }

    private RegisteredSchema registered(JsonNode answer, String subject) {
        String what = "subject '" + subject + "'";
        int version = requiredInt(answer, "version", what);
        int id = requiredInt(answer, "id", what);
        Schema schema = parse(requiredText(answer, "schema", what), what + " version " + version);
        String answeredSubject = answer.path("subject").asText(subject);
        return new RegisteredSchema(answeredSubject, version, id, schema);
    }

    private CompatibilityLevel level(JsonNode answer, String what) {
        // Confluent answers "compatibilityLevel"; accept "compatibility" too, as some servers echo the PUT shape.
        String text = answer.path("compatibilityLevel").asText(answer.path("compatibility").asText(""));
        return CompatibilityLevel.parse(text).orElseThrow(() -> malformed(what, "compatibilityLevel", answer));
    }

    private static Schema parse(String text, String what) {
        try {
            return new Schema.Parser().parse(text);
        } catch (SchemaParseException e) {
            throw new InvalidSchemaException("the registry returned an unparseable schema for " + what + ": " + e.getMessage());
        }
    }

    private static int requiredInt(JsonNode answer, String field, String what) {
        JsonNode value = answer.get(field);
        if (value == null || !value.canConvertToInt()) {
            throw malformed(what, field, answer);
        }
        return value.intValue();
    }

    private static String requiredText(JsonNode answer, String field, String what) {
        JsonNode value = answer.get(field);
        if (value == null || !value.isTextual()) {
            throw malformed(what, field, answer);
        }
        return value.textValue();
    }

    private static SchemaRegistryException malformed(String what, String field, JsonNode answer) {
        return new SchemaRegistryException(200, 0, "the registry's answer for " + what + " lacks a valid '" + field
                + "': " + abbreviate(answer.toString()));
    }

    /**
     * Sends one request, failing over across the base URLs.
     *
     * @return the parsed JSON answer of the first server that answered with a 2xx
     */
    private JsonNode send(String method, String path, String body) {
        int start = preferred;
        List<String> failures = new ArrayList<>();
        SchemaRegistryException lastServerError = null;
        for (int attempt = 0; attempt < baseUrls.size(); attempt++) {
            int index = (start + attempt) % baseUrls.size();
            URI base = baseUrls.get(index);
            HttpResponse<String> response;
            try {
                response = http.send(request(method, base, path, body), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                failures.add(RegistrySettings.redacted(base) + ": " + e);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException(0, 0, method + " " + path + " was interrupted", e);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                preferred = index;
                return readJson(response.body(), method, path);
            }
            SchemaRegistryException error = errorOf(method, base, path, status, response.body());
            if (status < 500) {
                preferred = index;
                throw error;
            }
            // A 5xx may be one unhealthy node (store or forwarding error): try the others.
            lastServerError = error;
            failures.add(error.getMessage());
        }
        if (lastServerError != null) {
            throw lastServerError;
        }
        throw new SchemaRegistryException(0, 0, method + " " + path + ": no schema registry reachable: " + failures);
    }

    private HttpRequest request(String method, URI base, String path, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(RegistrySettings.withoutUserInfo(base) + path))
                .timeout(requestTimeout)
                .header("Accept", ACCEPT);
        authorization.or(() -> RegistrySettings.userInfoOf(base).map(userInfo ->
                        "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8))))
                .ifPresent(value -> builder.header("Authorization", value));
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", CONTENT_TYPE)
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        return builder.build();
    }

    private static JsonNode readJson(String body, String method, String path) {
        try {
            return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            throw new SchemaRegistryException(200, 0, method + " " + path + ": the registry's answer is not JSON: "
                    + abbreviate(body), e);
        }
    }

    private SchemaRegistryException errorOf(String method, URI base, String path, int status, String body) {
        int errorCode = status;
        String message = abbreviate(body);
        try {
            JsonNode error = JSON.readTree(body);
            if (error != null && error.isObject()) {
                errorCode = error.path("error_code").asInt(status);
                message = error.path("message").asText(message);
            }
        } catch (IOException notJson) {
            // A proxy or load balancer answered with HTML or plain text: keep its text as the message.
        }
        return SchemaRegistryException.of(status, errorCode, method + " " + RegistrySettings.redacted(base) + path
                + " -> HTTP " + status + ", error_code " + errorCode + ": " + message + accessHint(base, status));
    }

    /** What to check when the registry refused the credentials (401) or the user (403); the password is never named. */
    private String accessHint(URI base, int status) {
        Optional<String> user = userName.or(() -> RegistrySettings.userInfoOf(base).map(RegistrySettings::userNameOf));
        if (status == 401) {
            return user.map(name -> " (the registry refused the credentials of user '" + name + "': check "
                            + RegistrySettings.USER_INFO + " or the user info of " + RegistrySettings.URL + ")")
                    .orElse(" (the registry needs credentials and none were sent: set "
                            + RegistrySettings.CREDENTIALS_SOURCE + "=USER_INFO and " + RegistrySettings.USER_INFO
                            + "=user:password, or put user:password@ in " + RegistrySettings.URL + ")");
        }
        if (status == 403) {
            return " (user '" + user.orElse("(anonymous)") + "' lacks the rights for this request;"
                    + " registering schemas and changing compatibility need a user with write rights)";
        }
        return "";
    }

    private static String segment(String pathSegment) {
        Objects.requireNonNull(pathSegment, "subject");
        // URLEncoder encodes for forms; a path wants %20 for a space.
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
