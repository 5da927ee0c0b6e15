package com.cmobile.ecosystem.app.query;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * Keeps the store values whose field at a JSON pointer has a given text, e.g.
 * {@code /memberships/GTI/active} = {@code true}. An empty pointer keeps everything.
 */
public record ValueFilter(String pointer, String equalTo) {

    public static final ValueFilter NONE = new ValueFilter("", "");

    public ValueFilter {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(equalTo, "equalTo");
        JsonPointer.compile(pointer); // fails early, naming the pointer, when it is malformed
    }

    public boolean matches(JsonNode value) {
        if (pointer.isEmpty()) {
            return true;
        }
        JsonNode field = value.at(pointer);
        return !field.isMissingNode() && equalTo.equals(field.asText());
    }
}
