package com.cmobile.ecosystem.serde;

import com.cmobile.ecosystem.registry.SchemaRegistryClient;
import com.cmobile.ecosystem.registry.SchemaRegistryClients;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka {@link Serde} of {@link SpecificAvroSerializer} and {@link SpecificAvroDeserializer}
 * sharing one registry client. Configure it with the same properties as Confluent's
 * {@code SpecificAvroSerde}.
 *
 * @param <T> the generated record type
 */
public class SpecificAvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final Class<T> type;
    private SpecificAvroSerializer<T> serializer;
    private SpecificAvroDeserializer<T> deserializer;

    /** For Kafka's config-by-class-name; the reader type comes from {@code specific.avro.value.type} (or key). */
    public SpecificAvroSerde() {
        this.type = null;
        this.serializer = new SpecificAvroSerializer<>();
        this.deserializer = new SpecificAvroDeserializer<>();
    }

    /**
     * @param type the generated type this serde writes and reads
     */
    public SpecificAvroSerde(Class<T> type) {
        this.type = Objects.requireNonNull(type, "type");
        this.serializer = new SpecificAvroSerializer<>();
        this.deserializer = new SpecificAvroDeserializer<>(type);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        String urls = AvroSerdeConfig.from(configs).registryUrls();
        SchemaRegistryClient client = SchemaRegistryClients.create(urls, configs);
        serializer = new SpecificAvroSerializer<>(client);
        deserializer = type == null ? new SpecificAvroDeserializer<>() : new SpecificAvroDeserializer<>(type);
        deserializer.useClient(client);
        serializer.configure(configs, isKey);
        deserializer.configure(configs, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }
}
