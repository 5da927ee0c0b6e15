package com.cmobile.ecosystem.validation;

import java.util.Locale;

/**
 * Why a field of an event is invalid. The {@link #code()} is a stable kebab-case label used as a
 * dead-letter header value and as a metric tag, so renaming a constant is a breaking change.
 */
public enum Reason {
    /** The field is null. */
    MISSING,
    /** A required text field is empty or only whitespace. */
    BLANK,
    /** The country is not an officially assigned ISO 3166-1 alpha-2 code. */
    UNKNOWN_COUNTRY,
    /** An enum field holds its {@code UNKNOWN} default symbol. */
    UNKNOWN_VALUE,
    /** A number lies outside its allowed range. */
    OUT_OF_RANGE,
    /** The event claims to have happened later than now plus the tolerated clock skew. */
    FUTURE_TIMESTAMP;

    private final String code = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /**
     * The stable label of this reason.
     *
     * @return for example {@code "unknown-country"}
     */
    public String code() {
        return code;
    }
}
