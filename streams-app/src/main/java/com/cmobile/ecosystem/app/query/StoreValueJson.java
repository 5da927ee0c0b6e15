package com.cmobile.ecosystem.app.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.VersionedRecord;

/**
 * Turns whatever a store holds into the JSON every instance exchanges, unwrapping Kafka Streams'
 * timestamp/version wrappers. Stores hold JSON-serde model records, the binary state records and
 * longs, never Avro, so there is no Avro case.
 */
public final class StoreValueJson {

    private final ObjectMapper mapper;

    public StoreValueJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public JsonNode toJson(Object storeValue) {
        return mapper.valueToTree(plain(storeValue));
    }

    static Object plain(Object value) {
        if (value instanceof ValueAndTimestamp<?> vt) {
            return plain(vt.value());
        }
        if (value instanceof VersionedRecord<?> vr) {
            return plain(vr.value());
        }
        return value;
    }
}
