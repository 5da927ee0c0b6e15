package com.cmobile.ecosystem.app.topology.internal;

import java.io.IOException;

import com.cmobile.ecosystem.app.topology.model.ModelJson;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * JSON serde for the records kept in stores and sent through repartition topics.
 *
 * <p>JSON rather than Avro: these are internal, self-describing values the query layer returns as
 * they are. The mapper settings are {@link ModelJson}'s, shared with the query layer, so a value
 * reads the same from a changelog as from an HTTP reply.
 */
public final class JsonSerde<T> implements Serde<T> {

    private static final ObjectMapper MAPPER = ModelJson.newMapper();

    private final String type;
    private final ObjectWriter writer;
    private final ObjectReader reader;

    private JsonSerde(JavaType type) {
        this.type = type.toCanonical();
        this.writer = MAPPER.writerFor(type);
        this.reader = MAPPER.readerFor(type);
    }

    public static <T> JsonSerde<T> of(Class<T> type) {
        return new JsonSerde<>(MAPPER.constructType(type));
    }

    /**
     * For a type with one type parameter, such as {@code PartitionSum<CapacityDelta>}:
     * {@code of(PartitionSum.class, CapacityDelta.class)}.
     */
    public static <T> JsonSerde<T> of(Class<?> generic, Class<?> parameter) {
        return new JsonSerde<>(MAPPER.getTypeFactory().constructParametricType(generic, parameter));
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                return writer.writeValueAsBytes(value);
            } catch (IOException e) {
                throw new SerializationException("Cannot write " + type + " to JSON for topic " + topic, e);
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return reader.readValue(bytes);
            } catch (IOException e) {
                throw new SerializationException("Cannot read " + type + " from JSON of topic " + topic, e);
            }
        };
    }
}
