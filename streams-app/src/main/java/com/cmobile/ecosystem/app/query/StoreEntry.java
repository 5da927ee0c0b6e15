package com.cmobile.ecosystem.app.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** One key of a store with its value in JSON form, the form every instance exchanges. */
public record StoreEntry(String key, JsonNode value) {

    public StoreEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
