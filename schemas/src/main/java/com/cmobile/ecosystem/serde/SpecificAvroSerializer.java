package com.cmobile.ecosystem.serde;

import com.cmobile.ecosystem.registry.RegisteredSchema;
import com.cmobile.ecosystem.registry.SchemaRegistryClient;
import com.cmobile.ecosystem.registry.SchemaRegistryClients;
import com.cmobile.ecosystem.registry.SchemaRegistryException;
import com.cmobile.ecosystem.registry.SchemaNotFoundException;
import com.cmobile.ecosystem.registry.SubjectNotFoundException;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes generated Avro records in Confluent's wire format: magic byte, 4-byte big-endian schema
 * id, Avro binary.
 *
 * <p>The schema id comes from the registry once per topic and schema and is then cached, so
 * serializing makes no registry call after the first record. With {@code auto.register.schemas}
 * (the default) the record's schema is registered under its subject; without it, the subject's
 * latest version is used when it is the record's schema, else (unless {@code use.latest.version})
 * the version that is. Thread-safe: Kafka Streams shares one instance between stream threads.
 *
 * @param <T> the generated record type
 */
public class SpecificAvroSerializer<T extends SpecificRecord> implements Serializer<T> {

    private SchemaRegistryClient client;
    private AvroSerdeConfig config;
    private boolean isKey;
    private final ConcurrentHashMap<String, ConcurrentHashMap<Schema, Target>> targetsByTopic = new ConcurrentHashMap<>();
    private final ThreadLocal<EncodeBuffer> buffers = ThreadLocal.withInitial(EncodeBuffer::new);

    /** Where a record of one schema goes on one topic: its id and a writer for its schema. */
    private record Target(int schemaId, DatumWriter<Object> writer) {
    }

    /** For Kafka's config-by-class-name; {@link #configure} creates the registry client. */
    public SpecificAvroSerializer() {
    }

    /**
     * A serializer on a given registry client; {@link #configure} still reads the other properties
     * (a {@code schema.registry.url} is then not needed).
     *
     * @param client the registry to use; not closed by this serializer
     */
    public SpecificAvroSerializer(SchemaRegistryClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = client == null ? AvroSerdeConfig.from(configs) : AvroSerdeConfig.withInjectedClient(configs);
        this.isKey = isKey;
        if (client == null) {
            client = SchemaRegistryClients.create(config.registryUrls(), config.properties());
        }
        targetsByTopic.clear();
    }

    /**
     * @return the wire-format bytes, or null for a null record (a tombstone stays a tombstone)
     * @throws SerializationException naming the topic when the registry refuses or the record does not encode
     */
    @Override
    public byte[] serialize(String topic, T record) {
        if (record == null) {
            return null;
        }
        if (config == null) {
            throw new IllegalStateException("serializer for topic " + topic + " used before configure()");
        }
        Target target = targetFor(topic, record);
        EncodeBuffer buffer = buffers.get();
        try {
            target.writer().write(record, buffer.start());
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot serialize " + record.getSchema().getFullName() + " for topic " + topic
                    + " with schema id " + target.schemaId() + ": " + e, e);
        }
        return buffer.finish(target.schemaId());
    }

    private Target targetFor(String topic, SpecificRecord record) {
        Schema schema = record.getSchema();
        String topicKey = topic == null ? "" : topic;
        ConcurrentHashMap<Schema, Target> targets = targetsByTopic.get(topicKey);
        if (targets != null) {
            Target known = targets.get(schema);
            if (known != null) {
                return known;
            }
        }
        // Slow path, once per topic and schema: ask the registry.
        Target target = new Target(schemaId(topic, schema), writerFor(record));
        targetsByTopic.computeIfAbsent(topicKey, t -> new ConcurrentHashMap<>()).putIfAbsent(schema, target);
        return target;
    }

    @SuppressWarnings("unchecked")
    private static DatumWriter<Object> writerFor(SpecificRecord record) {
        // The generated class's own model carries its logical-type conversions (UUID, timestamps).
        SpecificData model = SpecificData.getForClass(record.getClass());
        return (DatumWriter<Object>) (DatumWriter<?>) new SpecificDatumWriter<>(record.getSchema(), model);
    }

    private int schemaId(String topic, Schema schema) {
        String subject;
        try {
            subject = config.strategy(isKey).subjectName(topic, isKey, schema);
        } catch (IllegalArgumentException e) {
            throw new SerializationException("cannot name the subject for topic " + topic + ": " + e.getMessage(), e);
        }
        String context = "topic " + topic + ", subject " + subject;
        try {
            if (config.autoRegister()) {
                return client.register(subject, schema);
            }
            RegisteredSchema latest = client.latest(subject);
            if (latest.schema().equals(schema)) {
                return latest.id();
            }
            if (config.useLatestVersion()) {
                throw new SerializationException(context + ": the latest version " + latest.version() + " (id " + latest.id()
                        + ") is not the record's schema and " + AvroSerdeConfig.USE_LATEST_VERSION
                        + "=true allows no other; register the record's schema or turn " + AvroSerdeConfig.AUTO_REGISTER_SCHEMAS + " on");
            }
            return client.lookup(subject, schema).id();
        } catch (SubjectNotFoundException | SchemaNotFoundException e) {
            throw new SerializationException(context + ": the record's schema is not registered and "
                    + AvroSerdeConfig.AUTO_REGISTER_SCHEMAS + " is false: " + e.getMessage(), e);
        } catch (SchemaRegistryException e) {
            throw RegistryFailures.wrap("cannot get a schema id for " + context, e);
        }
    }

    /** Does not close the registry client: a mock registry is shared, and the REST client holds nothing to release. */
    @Override
    public void close() {
        targetsByTopic.clear();
    }
}
