package com.cmobile.ecosystem.app.it.http;

import com.cmobile.ecosystem.app.http.ApiTokens;
import com.cmobile.ecosystem.app.http.NewApiToken;
import com.cmobile.ecosystem.app.http.Scope;
import com.cmobile.ecosystem.app.http.TestKeyStores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The secrets of a secured test run, made at run time in a temporary directory: a tokens file with a
 * {@code read} and a {@code metrics} token, a peer secret, and, when asked, a PKCS12 key store with a
 * self-signed certificate for localhost ({@link TestKeyStores}).
 */
final class ApiSecrets {

    static final String KEYSTORE_PASSWORD = "test-keystore-" + NewApiToken.newToken().substring(0, 8);

    final String readToken = NewApiToken.newToken();
    final String metricsToken = NewApiToken.newToken();
    final String peerSecret = NewApiToken.newToken();
    final Path tokensFile;
    final Path peerSecretFile;
    final Path keystore;

    private ApiSecrets(Path dir, boolean tls) {
        try {
            tokensFile = dir.resolve("api-tokens");
            Files.write(tokensFile, List.of("# test tokens",
                    ApiTokens.line("reader", readToken, Set.of(Scope.READ)),
                    ApiTokens.line("scraper", metricsToken, Set.of(Scope.METRICS))), StandardCharsets.UTF_8);
            peerSecretFile = dir.resolve("peer-secret");
            Files.writeString(peerSecretFile, peerSecret + "\n");
            keystore = tls ? TestKeyStores.selfSigned(dir.resolve("api.p12"), KEYSTORE_PASSWORD) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ApiSecrets in(Path dir, boolean tls) {
        return new ApiSecrets(dir, tls);
    }

    /** The app settings that turn tokens, the peer secret and (if made) TLS on. */
    Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("API_TOKENS_FILE", tokensFile.toString());
        settings.put("PEER_SECRET_FILE", peerSecretFile.toString());
        if (keystore != null) {
            settings.put("HTTP_TLS_KEYSTORE", keystore.toString());
            settings.put("HTTP_TLS_KEYSTORE_PASSWORD", KEYSTORE_PASSWORD);
            // One self-signed certificate for every instance: its own key store is the trust store.
            settings.put("HTTP_TLS_TRUSTSTORE", keystore.toString());
            settings.put("HTTP_TLS_TRUSTSTORE_PASSWORD", KEYSTORE_PASSWORD);
        }
        return settings;
    }
}
