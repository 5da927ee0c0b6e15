package com.cmobile.ecosystem.app.topology.internal;

import java.io.IOException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * JSON serde for the records kept in stores and sent through repartition topics.
 *
 * <p>JSON rather than Avro: these are internal, self-describing values the query layer returns as
 * they are; unknown properties are ignored so a newer version can add fields and an older one
 * still reads the changelog during a rolling upgrade.
 */
public final class JsonSerde<T> implements Serde<T> {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

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

    /** For a type with one type parameter, such as {@code Partial<CapacityDelta>}: {@code of(Partial.class, CapacityDelta.class)}. */
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
