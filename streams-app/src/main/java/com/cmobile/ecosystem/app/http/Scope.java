package com.cmobile.ecosystem.app.http;

import java.util.Locale;
import java.util.Optional;

/** What a bearer token may do: {@code read} the API ({@code /api/v1/*}), scrape {@code /metrics}. */
public enum Scope {
    READ, METRICS;

    /** The name as written in the tokens file. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Scope> parse(String label) {
        for (Scope scope : values()) {
            if (scope.label().equals(label)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }
}
