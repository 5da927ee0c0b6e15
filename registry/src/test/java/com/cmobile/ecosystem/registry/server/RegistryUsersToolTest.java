package com.cmobile.ecosystem.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.cmobile.ecosystem.registry.server.RegistryUsers.Role;
import org.junit.jupiter.api.Test;

class RegistryUsersToolTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String stdin, String... args) {
        return RegistryUsersTool.run(args, null, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void printsAUsersFileLineForThePasswordOnStdin() {
        int exit = run("correct horse\n", "hash-password", "alice", "write", "--iterations", "10000");

        String line = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(exit).isZero();
        assertThat(line).startsWith("alice:write:pbkdf2-sha256$10000$").doesNotContain("correct horse");
        assertThat(RegistryUsers.parse(List.of(line)).authenticate("alice", "correct horse")).contains(Role.WRITE);
    }

    @Test
    void theDefaultIterationCountIsTheStrongOne() {
        assertThat(run("pw\n", "hash-password", "bob", "read")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("bob:read:pbkdf2-sha256$" + PasswordHash.DEFAULT_ITERATIONS + "$");
    }

    @Test
    void refusesAPasswordOnTheCommandLineAndUnknownRoles() {
        assertThat(run("", "hash-password", "alice", "write", "secret")).isEqualTo(2);
        assertThat(run("pw\n", "hash-password", "alice", "admin")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: hash-password").contains("'admin'");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void refusesAnEmptyPassword() {
        assertThat(run("", "hash-password", "alice", "read")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("empty");
    }
}
