package com.cmobile.ecosystem.app.topology.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON form of these values, wherever they travel: in the JSON stores and their changelog
 * and repartition topics, in the HTTP API and between instances. One setup, so a value reads back
 * the same on every path: ISO-8601 dates, and unknown properties ignored because an instance one
 * version ahead may write more fields (to a changelog, or in a reply) during a rolling upgrade.
 * Changing a setting here changes the bytes on the changelog topics.
 */
public final class ModelJson {

    private ModelJson() {
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
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("store value is not a " + type.getSimpleName() + ": " + json, e);
        }
    }
}
