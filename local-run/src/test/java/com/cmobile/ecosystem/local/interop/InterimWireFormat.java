package com.cmobile.ecosystem.local.interop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.Schema;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Confluent's wire format (magic 0, 4-byte big-endian id, Avro binary) for the Java side of the
 * interop check, talking to the registry over HTTP. Stands in until the schemas module's
 * SpecificAvroSerializer/Deserializer are published; then the check uses those instead.
 */
final class InterimWireFormat {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String registryUrl;

    InterimWireFormat(String registryUrl) {
        this.registryUrl = registryUrl;
    }

    byte[] serialize(String topic, SpecificRecord record) {
        Schema schema = record.getSchema();
        int id = register(topic + "-value", schema);
        try {
            var out = new ByteArrayOutputStream();
            out.write(0);
            out.write(ByteBuffer.allocate(4).putInt(id).array());
            var encoder = EncoderFactory.get().binaryEncoder(out, null);
            new SpecificDatumWriter<SpecificRecord>(schema, SpecificData.getForSchema(schema)).write(record, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    <T extends SpecificRecord> T deserialize(byte[] bytes, Class<T> type) {
        var buffer = ByteBuffer.wrap(bytes);
        if (buffer.get() != 0) {
            throw new IllegalArgumentException("Not Confluent's wire format: magic byte is not 0");
        }
        int id = buffer.getInt();
        Schema writer = new Schema.Parser().parse(get("/schemas/ids/" + id).path("schema").asText());
        SpecificData model = SpecificData.getForClass(type);
        Schema reader = model.getSchema(type);
        try {
            return new SpecificDatumReader<T>(writer, reader, model)
                    .read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int register(String subject, Schema schema) {
        var body = JSON.createObjectNode().put("schema", schema.toString()).toString();
        return send(HttpRequest.newBuilder(URI.create(registryUrl + "/subjects/" + subject + "/versions"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(body))).path("id").asInt();
    }

    private JsonNode get(String path) {
        return send(HttpRequest.newBuilder(URI.create(registryUrl + path)).GET());
    }

    private static JsonNode send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Registry answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
