package com.cmobile.ecosystem.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cmobile.ecosystem.app.config.HttpSettings.KeyStoreFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsContextsTest {

    @Test
    void aKeyStoreServesAndTrustsItsOwnCertificate(@TempDir Path dir) throws IOException {
        var store = new KeyStoreFile(TestKeyStores.selfSigned(dir.resolve("api.p12"), "pass-word-1"),
                new Password("pass-word-1"));

        assertThat(TlsContexts.server(store).getProtocol()).isEqualTo("TLS");
        assertThat(TlsContexts.client(Optional.of(store)).getProtocol()).isEqualTo("TLS");
    }

    @Test
    void aWrongPasswordIsReportedWithTheSettingAndFile(@TempDir Path dir) throws IOException {
        Path file = TestKeyStores.selfSigned(dir.resolve("api.p12"), "pass-word-1");

        assertThatThrownBy(() -> TlsContexts.server(new KeyStoreFile(file, new Password("wrong-password"))))
                .hasMessageContaining("HTTP_TLS_KEYSTORE " + file).hasMessageContaining("wrong password?");
        assertThatThrownBy(() -> TlsContexts.client(Optional.of(new KeyStoreFile(file, new Password("nope-nope")))))
                .hasMessageContaining("HTTP_TLS_TRUSTSTORE " + file);
    }
}
