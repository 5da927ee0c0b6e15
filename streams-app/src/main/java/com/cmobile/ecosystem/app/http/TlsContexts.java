package com.cmobile.ecosystem.app.http;

import com.cmobile.ecosystem.app.config.HttpSettings.KeyStoreFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** TLS from PKCS12 files: the server's key ({@code HTTP_TLS_KEYSTORE}), the peers' trust ({@code HTTP_TLS_TRUSTSTORE}). */
public final class TlsContexts {

    private TlsContexts() {
    }

    /** Serves with the key and certificate of {@code keystore}. */
    public static SSLContext server(KeyStoreFile keystore) {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(keystore, "HTTP_TLS_KEYSTORE"), keystore.password().value().toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("HTTP_TLS_KEYSTORE " + keystore.path() + ": " + e.getMessage(), e);
        }
    }

    /** Trusts the certificates of {@code truststore}, or the JDK's authorities when there is none. */
    public static SSLContext client(Optional<KeyStoreFile> truststore) {
        try {
            if (truststore.isEmpty()) {
                return SSLContext.getDefault();
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(load(truststore.get(), "HTTP_TLS_TRUSTSTORE"));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("HTTP_TLS_TRUSTSTORE " + truststore.get().path() + ": " + e.getMessage(), e);
        }
    }

    private static KeyStore load(KeyStoreFile file, String setting) throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file.path())) {
            store.load(in, file.password().value().toCharArray());
        } catch (IOException e) {
            // A wrong password shows as an IOException from PKCS12.
            throw new UncheckedIOException("cannot read " + setting + " " + file.path() + " (wrong password?)", e);
        }
        return store;
    }
}
