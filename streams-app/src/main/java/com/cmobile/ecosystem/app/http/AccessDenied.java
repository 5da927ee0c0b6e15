package com.cmobile.ecosystem.app.http;

import java.util.Optional;

/**
 * A request refused before routing: 401 (no or unknown credentials, with a {@code WWW-Authenticate}
 * challenge for bearer tokens) or 403 (a token without the scope). {@link HttpServer} turns it into
 * an {@link ApiError} body. Carries no stack trace: it is an answer, not a failure.
 */
final class AccessDenied extends RuntimeException {

    private final int status;
    private final String error;
    private final transient Optional<String> challenge;

    private AccessDenied(int status, String error, String message, Optional<String> challenge) {
        super(message, null, false, false);
        this.status = status;
        this.error = error;
        this.challenge = challenge;
    }

    static AccessDenied unauthorized(String message, Optional<String> challenge) {
        return new AccessDenied(401, "unauthorized", message, challenge);
    }

    static AccessDenied forbidden(String message) {
        return new AccessDenied(403, "forbidden", message, Optional.empty());
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }

    Optional<String> challenge() {
        return challenge;
    }
}
