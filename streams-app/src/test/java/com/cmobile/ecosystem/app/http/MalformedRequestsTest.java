package com.cmobile.ecosystem.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What Jetty refuses before Javalin sees it still answers 4xx with the API's JSON error body. */
class MalformedRequestsTest {

    private final HttpFixture http = new HttpFixture();

    @AfterEach
    void stop() {
        http.close();
    }

    /** Sends raw bytes and returns the whole answer (the server closes: Connection: close). */
    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", http.server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void assertJsonError(String answer, int status, String error) throws IOException {
        assertThat(answer).startsWith("HTTP/1.1 " + status + " ");
        assertThat(answer.toLowerCase()).contains("content-type: application/json");
        var body = new ObjectMapper().readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
        assertThat(body.get("error").asText()).isEqualTo(error);
        assertThat(body.get("message").asText()).isNotBlank();
    }

    @Test
    void aRequestLineWithoutVersionIs400NotJettys505() throws IOException {
        assertJsonError(exchange("GET /api/v1/capacity\r\n\r\n"), 400, "bad-request");
    }

    @Test
    void aLineFeedInsideTheTargetIs400() throws IOException {
        assertJsonError(exchange("GET /api/v1/pops/a\nb HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 400,
                "bad-request");
    }

    @Test
    void oversizedHeadersAre431InJson() throws IOException {
        String answer = exchange("GET /api/v1/capacity HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");

        assertJsonError(answer, 431, "request-header-fields-too-large");
    }

    @Test
    void anOversizedPathIs414InJson() throws IOException {
        String answer = exchange("GET /" + "p".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertJsonError(answer, 414, "uri-too-long");
    }

    @Test
    void anAsteriskTargetIs400InJsonWhateverTheMethod() throws IOException {
        String answer = exchange("PRI * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertJsonError(answer, 400, "bad-request");
    }

    @Test
    void aMalformedPercentEscapeInAPathParameterIs400NotAnInternalError() throws IOException {
        // Jetty refuses some of these itself; the one the fuzz found reached Javalin, whose decoder threw.
        for (String path : new String[] {"/api/v1/alliance/programs/%?city=-1", "/api/v1/pops/a%zz", "/api/v1/pops/%4"}) {
            assertJsonError(exchange("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 400,
                    "bad-request");
        }
        assertThat(exchange("GET /api/v1/alliance/programs/%?city=-1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
                .contains("not followed by two hex digits");
        assertThat(http.get("/api/v1/pops/pop%2D1").status()).isEqualTo(404);
    }
}
