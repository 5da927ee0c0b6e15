package com.cmobile.ecosystem.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.cmobile.ecosystem.registry.server.RegistryUsers.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryUsersTest {

    /** The floor, so that the tests stay fast; the tool's default is far higher. */
    private static final int FAST = PasswordHash.MIN_ITERATIONS;

    private static String line(String name, Role role, String password) {
        return RegistryUsers.line(name, role, password.toCharArray(), FAST);
    }

    @Test
    void theRightPasswordYieldsTheUsersRole() {
        var users = RegistryUsers.parse(List.of(line("writer", Role.WRITE, "w-secret"), line("reader", Role.READ, "r-secret")));

        assertThat(users.authenticate("writer", "w-secret")).contains(Role.WRITE);
        assertThat(users.authenticate("reader", "r-secret")).contains(Role.READ);
    }

    @Test
    void aWrongPasswordOrAnUnknownNameYieldsNothing() {
        var users = RegistryUsers.parse(List.of(line("writer", Role.WRITE, "w-secret")));

        assertThat(users.authenticate("writer", "w-secreT")).isEmpty();
        assertThat(users.authenticate("writer", "")).isEmpty();
        assertThat(users.authenticate("nobody", "w-secret")).isEmpty();
    }

    @Test
    void aRememberedPasswordStillChecksTheName() {
        var users = RegistryUsers.parse(List.of(line("a", Role.WRITE, "pw"), line("b", Role.READ, "other")));
        assertThat(users.authenticate("a", "pw")).contains(Role.WRITE);

        assertThat(users.authenticate("b", "pw")).isEmpty();
        assertThat(users.authenticate("a", "pw")).contains(Role.WRITE);
    }

    @Test
    void passwordsMayHoldColonsAndNonAsciiCharacters() {
        var users = RegistryUsers.parse(List.of(line("ünïcode", Role.READ, "a:b:ç€")));

        assertThat(users.authenticate("ünïcode", "a:b:ç€")).contains(Role.READ);
        assertThat(users.authenticate("ünïcode", "a:b")).isEmpty();
    }

    @Test
    void theFileHoldsNoPlainPassword() {
        String line = line("writer", Role.WRITE, "w-secret");

        assertThat(line).startsWith("writer:write:pbkdf2-sha256$" + FAST + "$").doesNotContain("w-secret");
        assertThat(line("writer", Role.WRITE, "w-secret")).as("a fresh salt each time").isNotEqualTo(line);
    }

    @Test
    void commentsAndBlankLinesAreIgnored() {
        var users = RegistryUsers.parse(List.of("# registry users", "", "   ", line("reader", Role.READ, "pw")));

        assertThat(users.names()).containsExactly("reader");
    }

    @Test
    void everyBadLineIsNamedByNumberAndTheFileIsRefused() {
        List<String> lines = List.of(
                "# comment",
                line("good", Role.WRITE, "pw"),
                "no-colons-at-all",
                line("admin", Role.WRITE, "pw").replace(":write:", ":admin:"),
                "plain:read:secret",
                line("good", Role.READ, "again"),
                ":read:" + PasswordHash.create("x".toCharArray(), FAST).encoded());

        assertThatThrownBy(() -> RegistryUsers.parse(lines))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 3: expected <name>:<role>:<password hash>")
                .hasMessageContaining("line 4: user 'admin' has role 'admin'; the roles are read and write")
                .hasMessageContaining("line 5: user 'plain': the password hash must look like")
                .hasMessageContaining("line 6: user 'good' is listed twice")
                .hasMessageContaining("line 7: the user name is empty")
                .hasMessageNotContaining("line 2")
                .hasMessageNotContaining("secret");
    }

    @Test
    void weakOrMalformedHashesAreRefused() {
        assertThatThrownBy(() -> RegistryUsers.parse(List.of("u:read:pbkdf2-sha256$1000$c2FsdHNhbHQ=$" + "A".repeat(44))))
                .hasMessageContaining("line 1").hasMessageContaining("1000 iterations, fewer than the 10000 required");
        assertThatThrownBy(() -> RegistryUsers.parse(List.of("u:read:pbkdf2-sha256$many$c2FsdHNhbHQ=$AAAA")))
                .hasMessageContaining("line 1").hasMessageContaining("not a number");
        assertThatThrownBy(() -> RegistryUsers.parse(List.of("u:read:pbkdf2-sha256$20000$!!$AAAA")))
                .hasMessageContaining("line 1").hasMessageContaining("not base64");
        assertThatThrownBy(() -> RegistryUsers.parse(List.of("u:read:pbkdf2-sha256$20000$c2FsdHNhbHQ=$AAAA")))
                .hasMessageContaining("line 1").hasMessageContaining("32-byte hash");
    }

    @Test
    void aFileWithoutUsersIsRefused() {
        assertThatThrownBy(() -> RegistryUsers.parse(List.of("# nobody yet", "")))
                .hasMessageContaining("no user is listed");
    }

    @Test
    void loadNamesTheFileInItsMessages(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("users");
        Files.writeString(file, line("ok", Role.READ, "pw") + "\nbroken\n");

        assertThatThrownBy(() -> RegistryUsers.load(file))
                .hasMessageStartingWith("Registry users file " + file + ": line 2:");
        assertThatThrownBy(() -> RegistryUsers.load(dir.resolve("missing")))
                .hasMessageContaining("Cannot read the registry users file");
    }

    @Test
    void namesThatCannotTravelInBasicAuthAreRefusedByTheTool() {
        for (String name : new String[] {"", "a:b", " padded"}) {
            assertThatThrownBy(() -> RegistryUsers.line(name, Role.READ, "pw".toCharArray(), FAST))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void writeMayReadAndReadMayNotWrite() {
        assertThat(Role.WRITE.permits(Role.READ)).isTrue();
        assertThat(Role.WRITE.permits(Role.WRITE)).isTrue();
        assertThat(Role.READ.permits(Role.READ)).isTrue();
        assertThat(Role.READ.permits(Role.WRITE)).isFalse();
        assertThat(Role.parse(" Write ")).isEqualTo(Optional.of(Role.WRITE));
    }
}
