package com.cmobile.ecosystem.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The launcher's command line, without starting anything. */
class LocalRunCommandTest {

    @TempDir
    Path dataDir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void portInUseFailsWithOneLineNamingThePortAndTheFlag() throws Exception {
        try (var taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(0));
            int port = taken.getLocalPort();

            int exitCode = run("--data-dir", dataDir.toString(), "--http-port", Integer.toString(port),
                    "--kafka-port", "0", "--registry-port", "0");

            assertThat(exitCode).isEqualTo(LocalRun.FAILED);
            assertThat(err.toString().strip())
                    .isEqualTo("error: port " + port + " is already in use; choose another with --http-port or HTTP_PORT");
        }
    }

    @Test
    void helpNamesEveryFlagWithItsEnvironmentVariable() {
        int exitCode = run("--help");

        assertThat(exitCode).isZero();
        assertThat(out.toString()).contains("--data-dir", "LOCAL_DATA_DIR", "--fresh", "--kafka-port", "LOCAL_KAFKA_PORT",
                "--registry-port", "LOCAL_REGISTRY_PORT", "--http-port", "HTTP_PORT", "--partitions", "TOPIC_PARTITIONS",
                "--ready-timeout", "LOCAL_READY_TIMEOUT", "--registry-users", "LOCAL_REGISTRY_USERS_FILE",
                "--secure", "LOCAL_SECURE", "<data-dir>/secure/");
    }

    @Test
    void secureRefusesAUsersFileOfItsOwnBeforeAnythingStarts() throws Exception {
        Path users = dataDir.resolve("registry-users");
        Files.writeString(users, "# users\n");

        int exitCode = run("--secure", "--data-dir", dataDir.resolve("data").toString(), "--registry-users", users.toString(),
                "--kafka-port", "0", "--registry-port", "0", "--http-port", "0");

        assertThat(exitCode).isEqualTo(LocalRun.FAILED);
        assertThat(err.toString().strip()).isEqualTo("error: --secure generates the registry's users itself; "
                + "leave out --registry-users (or LOCAL_REGISTRY_USERS_FILE)");
        assertThat(dataDir.resolve("data")).doesNotExist();
    }

    @Test
    void secureRefusesBrokerDataFormattedWithoutUsersAndSaysWhatToDo() throws Exception {
        Path data = dataDir.resolve("data");
        Files.createDirectories(data.resolve("kafka"));
        Files.writeString(data.resolve("kafka").resolve("meta.properties"), "version=1\n");

        int exitCode = run("--secure", "--data-dir", data.toString(), "--kafka-port", "0", "--registry-port", "0",
                "--http-port", "0");

        assertThat(exitCode).isEqualTo(LocalRun.FAILED);
        assertThat(err.toString().strip()).startsWith("error: the broker data in " + data.resolve("kafka").toAbsolutePath()
                + " was created without --secure").contains("--fresh").doesNotContain("\n");
        assertThat(data.resolve("secure")).doesNotExist();
    }

    @Test
    void aBadRegistryUsersFileFailsWithOneLineNamingTheLineBeforeAnythingStarts() throws Exception {
        Path users = dataDir.resolve("registry-users");
        Files.writeString(users, "# users\nadmin:write:plain-password\n");

        int exitCode = run("--data-dir", dataDir.resolve("data").toString(), "--registry-users", users.toString(),
                "--kafka-port", "0", "--registry-port", "0", "--http-port", "0");

        assertThat(exitCode).isEqualTo(LocalRun.FAILED);
        assertThat(err.toString().strip()).startsWith("error: Registry users file " + users + ": line 2: user 'admin'")
                .doesNotContain("plain-password").doesNotContain("\n");
        assertThat(dataDir.resolve("data")).doesNotExist();
    }

    @Test
    void helpShowsTheDefaultsOfThePorts() {
        run("--help");

        assertThat(out.toString()).contains("default: 9092", "default: 8081", "default: 8080", "default: 6");
    }

    private int run(String... args) {
        CommandLine commandLine = LocalRun.commandLine(Map.of());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void theAppApiListensOnLoopbackOnlyWhateverTheEnvironmentSays() {
        var launcher = new LocalRun(Map.of("HTTP_HOST", "0.0.0.0", "NUM_STREAM_THREADS", "2"));

        var config = launcher.appConfig("localhost:9092", "http://localhost:8081", dataDir, 8080);

        assertThat(config.http().host()).isEqualTo("127.0.0.1");
        assertThat(config.numStreamThreads()).isEqualTo(2);
    }
}
