package com.cmobile.ecosystem.app.http;

import java.util.Objects;

/**
 * The body of every error response: a stable machine-readable code and a message for people.
 * Never a stack trace.
 *
 * @param error   e.g. {@code bad-request}, {@code not-found}, {@code unavailable}
 * @param message what was wrong, naming the parameter or key
 */
public record ApiError(String error, String message) {

    public ApiError {
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(message, "message");
    }
}
