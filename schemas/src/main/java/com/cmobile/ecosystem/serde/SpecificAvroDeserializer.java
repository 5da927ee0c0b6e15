package com.cmobile.ecosystem.serde;

import com.cmobile.ecosystem.registry.SchemaNotFoundException;
import com.cmobile.ecosystem.registry.SchemaRegistryClient;
import com.cmobile.ecosystem.registry.SchemaRegistryClients;
import com.cmobile.ecosystem.registry.SchemaRegistryException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.FastReaderBuilder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent wire-format records into a generated Avro type.
 *
 * <p>The writer schema is fetched from the registry by the id in the record's header, once per id,
 * and resolved against the reader type's own schema by Avro's schema resolution: a reader
 * compiled from a newer compatible schema reads records written with an older one. Bytes that are
 * not in the wire format (too short, wrong magic byte, unknown id, corrupt Avro, trailing bytes)
 * raise a {@link SerializationException} naming the topic and the reason; a registry that cannot
 * be asked raises {@link RegistryUnavailableException}. Does not need the
 * {@code org.apache.avro.SERIALIZABLE_PACKAGES} system property (see {@link ReaderSpecificData}).
 * Thread-safe: Kafka Streams shares one instance between stream threads.
 *
 * @param <T> the generated record type to read into
 */
public class SpecificAvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

    private Class<T> readerType;
    private Schema readerSchema;
    private SpecificData readerModel;
    private SchemaRegistryClient client;
    private boolean configured;
    private final ConcurrentHashMap<Integer, DatumReader<T>> readersById = new ConcurrentHashMap<>();
    /** The reader used last: nearly every record of a topic carries the same id, so this skips the map. */
    private volatile CachedReader<T> lastReader;
    private final ThreadLocal<BinaryDecoder> decoders = new ThreadLocal<>();

    private record CachedReader<T>(int schemaId, DatumReader<T> reader) {
    }

    /** For Kafka's config-by-class-name; the reader type comes from {@code specific.avro.value.type} (or key). */
    public SpecificAvroDeserializer() {
    }

    /**
     * @param readerType the generated type to read into; its schema is the reader schema
     */
    public SpecificAvroDeserializer(Class<T> readerType) {
        useReaderType(Objects.requireNonNull(readerType, "readerType"));
    }

    /**
     * A deserializer on a given registry client; {@link #configure} still reads the other properties.
     *
     * @param readerType the generated type to read into
     * @param client     the registry to use; not closed by this deserializer
     */
    public SpecificAvroDeserializer(Class<T> readerType, SchemaRegistryClient client) {
        this(readerType);
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = client == null ? AvroSerdeConfig.from(configs) : AvroSerdeConfig.withInjectedClient(configs);
        if (readerType == null) {
            String typeName = config.readerType(isKey).orElseThrow(() -> new ConfigException(
                    "set " + (isKey ? AvroSerdeConfig.SPECIFIC_AVRO_KEY_TYPE : AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE)
                            + " to the generated class to read into, or construct the deserializer with it"));
            useReaderType(loadReaderType(typeName));
        }
        if (client == null) {
            client = SchemaRegistryClients.create(config.registryUrls(), config.properties());
        }
        readersById.clear();
        lastReader = null;
        configured = true;
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        return read(topic, data, 0, data.length);
    }

    @Override
    public T deserialize(String topic, Headers headers, byte[] data) {
        return deserialize(topic, data);
    }

    @Override
    public T deserialize(String topic, Headers headers, ByteBuffer data) {
        if (data == null) {
            return null;
        }
        if (data.hasArray()) {
            // Read in place: no copy of the record.
            return read(topic, data.array(), data.arrayOffset() + data.position(), data.remaining());
        }
        byte[] copy = new byte[data.remaining()];
        data.duplicate().get(copy);
        return read(topic, copy, 0, copy.length);
    }

    private T read(String topic, byte[] data, int offset, int length) {
        if (!configured) {
            throw new IllegalStateException("deserializer for topic " + topic + " used before configure()");
        }
        if (length < WireFormat.HEADER_LENGTH) {
            throw new SerializationException("topic " + topic + ": record of " + length + " bytes is not in the Confluent wire format,"
                    + " which needs at least " + WireFormat.HEADER_LENGTH + " (magic byte and 4-byte schema id)");
        }
        if (data[offset] != WireFormat.MAGIC_BYTE) {
            throw new SerializationException(String.format("topic %s: unknown magic byte 0x%02x, expected 0x00 (Confluent wire format)",
                    topic, data[offset] & 0xff));
        }
        int schemaId = WireFormat.readSchemaId(data, offset);
        DatumReader<T> reader = readerFor(topic, schemaId);
        BinaryDecoder reuse = decoders.get();
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, offset + WireFormat.HEADER_LENGTH,
                length - WireFormat.HEADER_LENGTH, reuse);
        if (reuse == null) {
            decoders.set(decoder);
        }
        T value;
        try {
            value = reader.read(null, decoder);
            if (!decoder.isEnd()) {
                throw new IOException("bytes left over after the record");
            }
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("topic " + topic + ": corrupt Avro for schema id " + schemaId + " read as "
                    + readerSchema.getFullName() + ": " + e, e);
        }
        return value;
    }

    private DatumReader<T> readerFor(String topic, int schemaId) {
        CachedReader<T> last = lastReader;
        if (last != null && last.schemaId() == schemaId) {
            return last.reader();
        }
        DatumReader<T> reader = readersById.get(schemaId);
        if (reader == null) {
            reader = newReader(topic, schemaId);
            DatumReader<T> raced = readersById.putIfAbsent(schemaId, reader);
            reader = raced == null ? reader : raced;
        }
        lastReader = new CachedReader<>(schemaId, reader);
        return reader;
    }

    private DatumReader<T> newReader(String topic, int schemaId) {
        Schema writerSchema;
        try {
            writerSchema = client.schemaById(schemaId);
        } catch (SchemaNotFoundException e) {
            throw new SerializationException("topic " + topic + ": unknown schema id " + schemaId + ": " + e.getMessage(), e);
        } catch (SchemaRegistryException e) {
            throw RegistryFailures.wrap("topic " + topic + ": cannot fetch writer schema id " + schemaId, e);
        }
        try {
            // Avro's fast reader is what a plain SpecificDatumReader uses by default, but Avro only
            // switches it on for the exact classes GenericData/SpecificData, not for our subclass;
            // built directly it reads through readerModel, so class trust stays as explained there.
            return new FastReaderBuilder(readerModel).createDatumReader(writerSchema, readerSchema);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("topic " + topic + ": writer schema id " + schemaId + " cannot be read as "
                    + readerSchema.getFullName() + ": " + e.getMessage(), e);
        }
    }

    private void useReaderType(Class<T> type) {
        if (!SpecificRecord.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(type.getName() + " is not a generated Avro record (SpecificRecord)");
        }
        this.readerType = type;
        this.readerSchema = SpecificData.get().getSchema(type);
        this.readerModel = new ReaderSpecificData(type, readerSchema);
    }

    @SuppressWarnings("unchecked")
    private static <T> Class<T> loadReaderType(String typeName) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            Class<?> type = Class.forName(typeName, false, loader != null ? loader : SpecificAvroDeserializer.class.getClassLoader());
            if (!SpecificRecord.class.isAssignableFrom(type)) {
                throw new ConfigException(typeName + " is not a generated Avro record (SpecificRecord)");
            }
            return (Class<T>) type;
        } catch (ClassNotFoundException e) {
            throw new ConfigException("reader type " + typeName + " is not on the class path");
        }
    }

    /** Lets a {@link SpecificAvroSerde} share its registry client with this deserializer. */
    void useClient(SchemaRegistryClient shared) {
        this.client = Objects.requireNonNull(shared, "client");
    }

    /** @return the reader type, once known */
    public Optional<Class<T>> readerType() {
        return Optional.ofNullable(readerType);
    }

    /** Does not close the registry client: a mock registry is shared, and the REST client holds nothing to release. */
    @Override
    public void close() {
        readersById.clear();
        lastReader = null;
    }
}
