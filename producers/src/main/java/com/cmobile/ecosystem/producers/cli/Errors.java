package com.cmobile.ecosystem.producers.cli;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns an exception chain into one readable sentence for the terminal: no stack trace. */
final class Errors {

    private Errors() {
    }

    static String describe(Throwable error) {
        Throwable top = error;
        while ((top instanceof CompletionException || top instanceof ExecutionException) && top.getCause() != null) {
            top = top.getCause();
        }
        var text = new StringBuilder(message(top));
        for (Throwable cause = top.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            String more = message(cause);
            if (!text.toString().contains(more)) {
                text.append(": ").append(more);
            }
        }
        return text.toString();
    }

    private static String message(Throwable t) {
        return t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName() : t.getMessage();
    }
}
