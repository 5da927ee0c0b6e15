package com.cmobile.ecosystem.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cmobile.ecosystem.registry.StubRegistryServer.Response;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RestSchemaRegistryClientErrorsTest {

    private static final Schema SCHEMA = SchemaBuilder.record("Pop").fields().requiredString("popId").endRecord();

    private StubRegistryServer server;
    private StubRegistryServer second;

    @AfterEach
    void stopServers() {
        if (server != null) {
            server.close();
        }
        if (second != null) {
            second.close();
        }
    }

    @ParameterizedTest
    @CsvSource({
        "404, 40401, com.cmobile.ecosystem.registry.SubjectNotFoundException",
        "404, 40402, com.cmobile.ecosystem.registry.VersionNotFoundException",
        "404, 40403, com.cmobile.ecosystem.registry.SchemaNotFoundException",
        "422, 42201, com.cmobile.ecosystem.registry.InvalidSchemaException",
        "409, 409, com.cmobile.ecosystem.registry.IncompatibleSchemaException",
        "422, 42203, com.cmobile.ecosystem.registry.SchemaRegistryException"})
    void confluentErrorBodiesBecomeTheMatchingException(int status, int errorCode, Class<?> expected) {
        server = StubRegistryServer.start(request -> Response.error(status, errorCode, "registry says no"));

        assertThatThrownBy(() -> client(server.url()).latest("pop-capacity-value"))
                .isExactlyInstanceOf(expected)
                .hasMessageContaining("registry says no")
                .hasMessageContaining("HTTP " + status)
                .hasMessageContaining("/subjects/pop-capacity-value/versions/latest")
                .satisfies(e -> {
                    assertThat(((SchemaRegistryException) e).httpStatus()).isEqualTo(status);
                    assertThat(((SchemaRegistryException) e).errorCode()).isEqualTo(errorCode);
                });
    }

    @Test
    void errorWithoutAJsonBodyKeepsStatusAndText() {
        server = StubRegistryServer.start(request -> new Response(401, "<html>Unauthorized</html>"));

        assertThatThrownBy(() -> client(server.url()).schemaById(1))
                .isExactlyInstanceOf(RegistryAccessDeniedException.class)
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("Unauthorized");
    }

    @Test
    void unreachableServerIsSkippedForTheNextUrl() throws IOException {
        server = StubRegistryServer.start(request -> Response.ok("{\"id\":3}"));
        String urls = "http://127.0.0.1:" + deadPort() + "," + server.url();

        assertThat(client(urls).register("s", SCHEMA)).isEqualTo(3);
    }

    @Test
    void serverErrorMovesOnToTheNextUrlAndSticksToIt() {
        server = StubRegistryServer.start(request -> Response.error(500, 50003, "Error while forwarding the request to the leader"));
        second = StubRegistryServer.start(request -> Response.ok("{\"id\":4}"));
        var client = client(server.url() + "," + second.url());

        assertThat(client.register("s", SCHEMA)).isEqualTo(4);
        assertThat(client.register("s", SCHEMA)).isEqualTo(4);

        assertThat(server.requests()).hasSize(1);
        assertThat(second.requests()).hasSize(2);
    }

    @Test
    void noReachableServerIsAnErrorWithoutStatus() throws IOException {
        var client = client("http://127.0.0.1:" + deadPort());

        assertThatThrownBy(() -> client.schemaById(1))
                .isExactlyInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("no schema registry reachable")
                .satisfies(e -> assertThat(((SchemaRegistryException) e).httpStatus()).isZero());
    }

    @Test
    void slowServerTimesOut() {
        server = StubRegistryServer.start(request -> {
            sleep(2_000);
            return Response.ok("{\"id\":1}");
        });
        var client = new RestSchemaRegistryClient(RegistrySettings.from(server.url(), Map.of("http.read.timeout.ms", "200")));

        assertThatThrownBy(() -> client.register("s", SCHEMA))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("no schema registry reachable")
                .hasMessageContaining("imed out");
    }

    @Test
    void basicAuthUserInfoIsSentAsAuthorizationHeader() {
        server = StubRegistryServer.start(request -> Response.ok("{\"id\":1}"));
        var client = new RestSchemaRegistryClient(RegistrySettings.from(server.url(),
                Map.of("basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "noc:s3cret")));

        client.register("s", SCHEMA);

        assertThat(server.lastRequest().authorization()).contains("Basic bm9jOnMzY3JldA==");
    }

    @Test
    void credentialsInTheUrlAreSentButNeverShownInErrors() {
        server = StubRegistryServer.start(request -> Response.error(404, 40403, "Schema 1 not found"));
        String url = server.url().replace("http://", "http://noc:s3cret@");

        assertThatThrownBy(() -> client(url).schemaById(1))
                .isInstanceOf(SchemaNotFoundException.class)
                .message().doesNotContain("s3cret");
        assertThat(server.lastRequest().authorization()).contains("Basic bm9jOnMzY3JldA==");
    }

    @Test
    void userInfoSourceWithoutUserInfoIsAConfigError() {
        assertThatThrownBy(() -> RegistrySettings.from("http://localhost:8081", Map.of("basic.auth.credentials.source", "USER_INFO")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("basic.auth.user.info");
    }

    private static RestSchemaRegistryClient client(String urls) {
        return new RestSchemaRegistryClient(RegistrySettings.from(urls, Map.of()));
    }

    private static int deadPort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
