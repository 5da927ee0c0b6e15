package com.cmobile.ecosystem.app.oracle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One HTTP response of the app as the oracle compares it: status, the headers that say who served
 * it and when to retry, and the body (parsed when it is JSON).
 *
 * @param body the JSON body, or {@code null} when the response is not JSON
 * @param text the body as sent
 */
public record HttpAnswer(int status, String retryAfter, String servedBy, String servedFrom, JsonNode body,
                         String text) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The routes of the instance at {@code base} (such as {@code http://localhost:8080}), as a source
     * of answers for {@link NaiveAnswers#differences}.
     */
    public static Function<String, HttpAnswer> of(HttpClient client, URI base, Duration timeout) {
        return pathAndQuery -> get(client, base.resolve(pathAndQuery), timeout);
    }

    /**
     * GETs {@code uri}.
     *
     * @throws UncheckedIOException naming the URI when there is no response (refused, timed out)
     */
    public static HttpAnswer get(HttpClient client, URI uri, Duration timeout) {
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofString());
            boolean json = response.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
            return new HttpAnswer(response.statusCode(), response.headers().firstValue("Retry-After").orElse(""),
                    response.headers().firstValue("X-Served-By").orElse(""),
                    response.headers().firstValue("X-Served-From").orElse(""),
                    json ? JSON.readTree(response.body()) : null, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during GET " + uri, e);
        }
    }
}
