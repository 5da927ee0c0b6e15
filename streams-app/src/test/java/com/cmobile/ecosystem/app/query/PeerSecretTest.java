package com.cmobile.ecosystem.app.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeerSecretTest {

    private static final String SECRET = "k3yM4t3r1al-for-peers-0123456789abcdef";

    @Test
    void theFirstLineOfTheFileIsTheSecret(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("peer-secret"), "  " + SECRET + "  \nignored\n");

        PeerSecret secret = PeerSecret.load(file);

        assertThat(secret.matches(SECRET)).isTrue();
        assertThat(secret.matches(SECRET + "x")).isFalse();
        assertThat(secret.matches(null)).isFalse();
        assertThat(secret.matches("")).isFalse();
        assertThat(secret.toString()).doesNotContain(SECRET);
    }

    @Test
    void aShortSecretIsRefusedWithoutPrintingIt(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("peer-secret"), "short-secret\n");

        assertThatThrownBy(() -> PeerSecret.load(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32 characters, it has 12")
                .message().doesNotContain("short-secret");
    }
}
