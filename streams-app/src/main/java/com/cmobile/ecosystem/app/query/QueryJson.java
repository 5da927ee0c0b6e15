package com.cmobile.ecosystem.app.query;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON conventions of the HTTP API and of the instance-to-instance protocol: ISO-8601 dates,
 * unknown properties ignored (an instance one version ahead may send more fields during a rolling
 * upgrade).
 */
public final class QueryJson {

    private QueryJson() {
    }

    public static ObjectMapper newMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * Reads a store value as its model type.
     *
     * @throws IllegalStateException naming the type when the JSON is not one (a bug, not a client error)
     */
    public static <T> T read(ObjectMapper mapper, JsonNode json, Class<T> type) {
        try {
            return mapper.treeToValue(json, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("store value is not a " + type.getSimpleName() + ": " + json, e);
        }
    }
}
