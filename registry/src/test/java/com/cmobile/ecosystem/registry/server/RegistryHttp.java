package com.cmobile.ecosystem.registry.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A tiny java.net.http client for the registry tests: raw requests, parsed JSON answers. */
final class RegistryHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final Optional<String> authorization;

    RegistryHttp(String baseUrl) {
        this(baseUrl, Optional.empty());
    }

    private RegistryHttp(String baseUrl, Optional<String> authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    /** A client of the same server sending HTTP basic auth as {@code user}. */
    RegistryHttp as(String user, String password) {
        return withAuthorization("Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** A client of the same server sending this {@code Authorization} header verbatim. */
    RegistryHttp withAuthorization(String header) {
        return new RegistryHttp(baseUrl, Optional.of(header));
    }

    String baseUrl() {
        return baseUrl;
    }

    record Answer(int status, String contentType, String body, HttpHeaders headers) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (status " + status + "): " + body, e);
            }
        }

        int errorCode() {
            return json().path("error_code").asInt();
        }

        /** The HTTP status, then Confluent's {@code error_code}: what an error answer is checked by. */
        List<Integer> statusAndErrorCode() {
            return List.of(status, errorCode());
        }
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    Answer post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Answer put(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    Answer delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).DELETE());
    }

    /** {"schema": "<schema as a JSON string>"}, the body of register, lookup and compatibility. */
    static String schemaBody(String schema) {
        ObjectNode body = JSON.createObjectNode();
        body.put("schema", schema);
        return body.toString();
    }

    /** Sets the subject's compatibility level, e.g. {@code FULL}. */
    Answer compatibility(String subject, String level) {
        return put("/config/" + subject, "{\"compatibility\":\"" + level + "\"}");
    }

    int register(String subject, String schema) {
        Answer answer = post("/subjects/" + subject + "/versions", schemaBody(schema));
        if (answer.status() != 200) {
            throw new AssertionError("Registering under " + subject + " failed: " + answer);
        }
        return answer.json().path("id").asInt();
    }

    private Answer send(HttpRequest.Builder request) {
        authorization.ifPresent(value -> request.header("Authorization", value));
        try {
            HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
