package com.cmobile.ecosystem.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.registry.SchemaRegistryClients;
import com.cmobile.ecosystem.testkit.PeerRun;
import com.cmobile.ecosystem.testkit.PythonInterop;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Confluent's own Python client (Debian's python3-confluent-kafka) against our server with basic
 * auth on: {@code basic.auth.user.info} with {@code USER_INFO}, and credentials in the URL, as
 * Confluent documents them; a read user is refused writes with 403, a stranger with 401.
 */
@ExtendWith(IsolatedRegistry.class)
@WithRegistryUsers({AuthUsers.WRITER_LINE, AuthUsers.READER_LINE})
class ConfluentPythonClientWithAuthIT {

    private static final Path SCRIPT = Path.of("src", "test", "python", "confluent_registry_auth.py");
    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void confluentClientIsInstalled() {
        PythonInterop.requireConfluentClient();
    }

    @Test
    void confluentsClientAuthenticatesWithUserInfoAndIsRefusedWithoutRights(RegistryHttp registry, @TempDir Path work)
            throws Exception {
        // given the pop schema, registered by our Java client as the write user
        String schema = PopCapacityEvent.getClassSchema().toString();
        String run = UUID.randomUUID().toString();
        int javaId;
        try (var client = SchemaRegistryClients.create(registry.baseUrl(), Map.of(
                "basic.auth.credentials.source", "USER_INFO",
                "basic.auth.user.info", AuthUsers.WRITER + ":" + AuthUsers.WRITER_PASSWORD))) {
            javaId = client.register("java-" + run + "-value", PopCapacityEvent.getClassSchema());
        }

        // when Confluent's client registers, reads and is refused, as each user
        Path plan = work.resolve("plan.json");
        Files.writeString(plan, JSON.writeValueAsString(Map.of(
                "registry", registry.baseUrl(),
                "writer", Map.of("user", AuthUsers.WRITER, "password", AuthUsers.WRITER_PASSWORD),
                "reader", Map.of("user", AuthUsers.READER, "password", AuthUsers.READER_PASSWORD),
                "schema", schema,
                "java_id", javaId,
                "subjects", Map.of("writer", "python-writer-" + run + "-value", "reader", "python-reader-" + run + "-value",
                        "anonymous", "python-anonymous-" + run + "-value", "url", "python-url-" + run + "-value"))));
        PeerRun result = PythonInterop.run(List.of(PythonInterop.PYTHON, SCRIPT.toAbsolutePath().toString(),
                plan.toString()), SCRIPT_TIMEOUT);

        // then every check passed, and what the refused clients tried is not there
        assertThat(result.exitCode()).as("confluent_registry_auth.py output:%n%s", result.output()).isZero();
        var subjects = registry.as(AuthUsers.READER, AuthUsers.READER_PASSWORD).get("/subjects").json().toString();
        assertThat(subjects).contains("python-writer-" + run, "python-url-" + run)
                .doesNotContain("python-reader-" + run, "python-anonymous-" + run);
    }
}
