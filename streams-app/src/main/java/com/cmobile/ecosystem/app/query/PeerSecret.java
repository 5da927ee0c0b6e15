package com.cmobile.ecosystem.app.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The secret instances send each other on {@code /internal/v1} requests ({@code PEER_SECRET_FILE}),
 * so that a forwarded query never needs the caller's own token and nobody else can read the stores
 * through the internal routes. Compared by SHA-256 in constant time; never printed.
 */
public final class PeerSecret {

    /** The request header that carries it. */
    public static final String HEADER = "X-Peer-Secret";

    static final int MIN_LENGTH = 32;

    private final String value;
    private final byte[] hash;

    private PeerSecret(String value) {
        this.value = value;
        this.hash = sha256(value);
    }

    /** The first line of {@code file}, without surrounding blanks. */
    public static PeerSecret load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read PEER_SECRET_FILE " + file, e);
        }
        String firstLine = text.lines().findFirst().orElse("").strip();
        if (firstLine.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("PEER_SECRET_FILE " + file + ": the secret on its first line must have at "
                    + "least " + MIN_LENGTH + " characters, it has " + firstLine.length()
                    + " (make one with: openssl rand -base64 32)");
        }
        return of(firstLine);
    }

    public static PeerSecret of(String value) {
        if (value.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("a peer secret has at least " + MIN_LENGTH + " characters");
        }
        return new PeerSecret(value);
    }

    /** Whether {@code presented} (a header value, null when absent) is this secret. */
    public boolean matches(String presented) {
        // Hashes have one length, so the comparison takes the same time whatever was presented.
        return MessageDigest.isEqual(hash, sha256(presented == null ? "" : presented));
    }

    /** The value to send. */
    String value() {
        return value;
    }

    @Override
    public String toString() {
        return "PeerSecret[hidden]";
    }

    /** SHA-256 of the UTF-8 text: how the peer secret and the API tokens are kept and compared. */
    public static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
