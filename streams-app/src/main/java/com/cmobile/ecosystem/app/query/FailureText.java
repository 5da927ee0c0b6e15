package com.cmobile.ecosystem.app.query;

import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;

/**
 * A failure as a reason for clients (the message of a 503), in words: never an exception's class
 * name or stack trace, which say nothing to a client and something to an attacker. The log keeps
 * the exception itself where it matters.
 */
final class FailureText {

    private FailureText() {
    }

    static String of(Throwable failure) {
        Throwable e = failure;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof HttpConnectTimeoutException) {
            return "connection timed out";
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer in time";
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof SSLException) {
            return "TLS handshake failed";
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return "failed";
        }
        // Kafka's messages sometimes quote a nested exception as "pkg.SomeException: text".
        return message.replaceAll("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z]\\w*(?:Exception|Error)\\b:?\\s*", "").strip();
    }
}
