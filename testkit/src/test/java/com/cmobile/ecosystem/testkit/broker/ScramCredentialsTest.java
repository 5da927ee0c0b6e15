package com.cmobile.ecosystem.testkit.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScramCredentialsTest {

    @Test
    void passwordsAreGeneratedOnceAndReadBackUnchanged(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("secure/scram-users.properties");

        List<ScramUser> first = ScramCredentials.loadOrCreate(file, List.of("app", "partner-demo"));
        List<ScramUser> again = ScramCredentials.loadOrCreate(file, List.of("partner-demo", "app", "operator"));

        assertThat(again.subList(0, 2)).containsExactly(first.get(1), first.get(0));
        assertThat(again.get(2).name()).isEqualTo("operator");
        assertThat(first.get(0).password()).isNotEqualTo(first.get(1).password()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void aUserNeverShowsItsPasswordAndUnsafeNamesAreRefused() {
        ScramUser user = ScramUser.withRandomPassword("partner-demo");

        assertThat(user.toString()).doesNotContain(user.password());
        assertThat(user.principal()).isEqualTo("User:partner-demo");
        assertThatThrownBy(() -> new ScramUser("a,b", "long-enough-password")).hasMessageContaining("name");
        assertThatThrownBy(() -> new ScramUser("ok", "short")).hasMessageContaining("password");
    }
}
