package com.cmobile.ecosystem.app.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import org.apache.kafka.common.config.types.Password;

/**
 * Where the HTTP API listens and who may use it: the bind address, the bearer tokens, the secret
 * instances forward to each other with, and TLS. Only paths: the files are read when the instance
 * starts, so that a bad line is reported with its number then.
 *
 * @param host           {@code HTTP_HOST}
 * @param apiTokensFile  {@code API_TOKENS_FILE}: empty means the API is open
 * @param metricsPublic  {@code METRICS_PUBLIC}
 * @param peerSecretFile {@code PEER_SECRET_FILE}: empty means the internal routes are open
 * @param tlsKeystore    {@code HTTP_TLS_KEYSTORE} and its password: empty means plain HTTP
 * @param tlsTruststore  {@code HTTP_TLS_TRUSTSTORE} and its password: what peers' certificates are checked
 *                       against; empty means the JDK's default certificate authorities
 */
public record HttpSettings(String host, Optional<Path> apiTokensFile, boolean metricsPublic,
                           Optional<Path> peerSecretFile, Optional<KeyStoreFile> tlsKeystore,
                           Optional<KeyStoreFile> tlsTruststore) {

    /** A PKCS12 file and its password ({@link Password} prints as {@code [hidden]}). */
    public record KeyStoreFile(Path path, Password password) {
        public KeyStoreFile {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(password, "password");
        }
    }

    public HttpSettings {
        Objects.requireNonNull(host, "HTTP_HOST");
        Objects.requireNonNull(apiTokensFile, "API_TOKENS_FILE");
        Objects.requireNonNull(peerSecretFile, "PEER_SECRET_FILE");
        Objects.requireNonNull(tlsKeystore, "HTTP_TLS_KEYSTORE");
        Objects.requireNonNull(tlsTruststore, "HTTP_TLS_TRUSTSTORE");
        // Without a peer secret, /internal/v1 would read every store for anyone: tokens would protect nothing.
        if (apiTokensFile.isPresent() && peerSecretFile.isEmpty()) {
            throw new IllegalArgumentException("API_TOKENS_FILE is set but PEER_SECRET_FILE is not: the "
                    + "instance-to-instance routes (/internal/v1) would answer anyone without a token");
        }
        if (tlsTruststore.isPresent() && tlsKeystore.isEmpty()) {
            throw new IllegalArgumentException("HTTP_TLS_TRUSTSTORE is set but HTTP_TLS_KEYSTORE is not: "
                    + "instances talk https to each other only when they serve https");
        }
    }

    /** Plain HTTP on every interface, no tokens, no peer secret: what tests of the routes alone use. */
    public static HttpSettings open() {
        return new HttpSettings("0.0.0.0", Optional.empty(), false, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** Whether the API serves, and peers call each other over, https. */
    public boolean tls() {
        return tlsKeystore.isPresent();
    }
}
