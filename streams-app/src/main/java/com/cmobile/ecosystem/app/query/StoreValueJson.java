package com.cmobile.ecosystem.app.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns what a store holds into the JSON every instance exchanges. Stores hold JSON-serde model
 * records, the binary state records and longs, never Avro; the reads go through
 * {@code QueryableStoreTypes.keyValueStore()}, which already unwraps the DSL's timestamped values,
 * and no store is versioned, so there is nothing to unwrap here.
 */
public final class StoreValueJson {

    private final ObjectMapper mapper;

    public StoreValueJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public JsonNode toJson(Object storeValue) {
        return mapper.valueToTree(storeValue);
    }
}
