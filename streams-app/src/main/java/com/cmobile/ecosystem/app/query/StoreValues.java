package com.cmobile.ecosystem.app.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.VersionedRecord;

/**
 * Turns whatever a store holds into the JSON every instance exchanges: unwraps Kafka Streams'
 * timestamp/version wrappers, and reads Avro records field by field because Jackson would
 * otherwise serialize their schema too.
 */
public final class StoreValues {

    private final ObjectMapper mapper;

    public StoreValues(ObjectMapper mapper) {
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
        if (value instanceof IndexedRecord record) {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (Schema.Field field : record.getSchema().getFields()) {
                fields.put(field.name(), plain(record.get(field.pos())));
            }
            return fields;
        }
        if (value instanceof GenericContainer || value instanceof CharSequence && !(value instanceof String)) {
            // Avro enums and Utf8 strings: their text is what a reader wants.
            return value.toString();
        }
        return value;
    }
}
