package com.cmobile.ecosystem.registry.server;

import static com.cmobile.ecosystem.registry.server.Schemas.PARTNER_V1;
import static com.cmobile.ecosystem.registry.server.Schemas.POP_V1;
import static com.cmobile.ecosystem.registry.server.Schemas.POP_V2_OPTIONAL_CITY;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.cmobile.ecosystem.testkit.broker.BrokerSettings;
import com.cmobile.ecosystem.testkit.broker.EmbeddedKafkaBroker;
import com.cmobile.ecosystem.testkit.topics.TopicProvisioner;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry's state lives in the broker's data: a restart on the same directory keeps it all. */
class SchemaRegistryRestartIT {

    private static final String EVENTS = "pop-history";

    @Test
    void idsVersionsConfigAndOldRecordsSurviveARestartOnTheSameDataDirectory(@TempDir Path dataDirectory) throws Exception {
        // given schemas, a subject config and one wire-format record written before the restart
        int popV1;
        int partner;
        int popV2;
        var settings = BrokerSettings.defaults().withDataDirectory(dataDirectory);
        try (var broker = EmbeddedKafkaBroker.start(settings);
             var registry = SchemaRegistryServer.start(broker.bootstrapServers(), 0)) {
            var http = new RegistryHttp(registry.url());
            popV1 = http.register("pop-history-value", POP_V1);
            partner = http.register("partner-value", PARTNER_V1);
            popV2 = http.register("pop-history-value", POP_V2_OPTIONAL_CITY);
            http.compatibility("pop-history-value", "FULL");
            createEventTopic(broker);
            produce(broker, wireFormat(popV1, POP_V1, "pop-lhr-1", 1_000L));
        }

        // when broker and registry start again on the same directory
        try (var broker = EmbeddedKafkaBroker.start(settings);
             var registry = SchemaRegistryServer.start(broker.bootstrapServers(), 0)) {
            var http = new RegistryHttp(registry.url());

            // then ids, versions and config are as before, and the next id continues the sequence
            assertThat(http.get("/subjects/pop-history-value/versions/1").json().path("id").asInt()).isEqualTo(popV1);
            assertThat(http.get("/subjects/pop-history-value/versions/latest").json().path("id").asInt()).isEqualTo(popV2);
            assertThat(http.get("/subjects/partner-value/versions/1").json().path("id").asInt()).isEqualTo(partner);
            assertThat(http.get("/config/pop-history-value").json().path("compatibilityLevel").asText()).isEqualTo("FULL");
            assertThat(http.register("partner-value", PARTNER_V1)).as("re-registering is idempotent").isEqualTo(partner);
            int next = http.register("other-value", "\"string\"");
            assertThat(next).isEqualTo(Math.max(popV1, Math.max(partner, popV2)) + 1);

            // and the old record still decodes with the schema its id names
            GenericRecord read = decode(consumeOne(broker), http);
            assertThat(read.get("popId")).hasToString("pop-lhr-1");
            assertThat(read.get("capacityMbps")).isEqualTo(1_000L);
        }
    }

    private static void createEventTopic(EmbeddedKafkaBroker broker) {
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            new TopicProvisioner(admin).provision(List.of(new NewTopic(EVENTS, 1, (short) 1)
                    .configs(Map.of("retention.ms", "-1"))));
        }
    }

    private static void produce(EmbeddedKafkaBroker broker, byte[] value) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(EVENTS, value)).get();
        }
    }

    private static byte[] consumeOne(EmbeddedKafkaBroker broker) {
        var partition = new TopicPartition(EVENTS, 0);
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    return record.value();
                }
            }
        }
        throw new AssertionError("No record in " + EVENTS + " after the restart");
    }

    /** Confluent's wire format: magic byte 0, 4-byte big-endian schema id, Avro binary. */
    private static byte[] wireFormat(int schemaId, String schemaText, String popId, long capacityMbps) throws IOException {
        Schema schema = new Schema.Parser().parse(schemaText);
        GenericRecord record = new GenericData.Record(schema);
        record.put("popId", popId);
        record.put("capacityMbps", capacityMbps);
        var out = new ByteArrayOutputStream();
        out.write(0);
        out.write(ByteBuffer.allocate(4).putInt(schemaId).array());
        var encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static GenericRecord decode(byte[] bytes, RegistryHttp http) throws IOException {
        var buffer = ByteBuffer.wrap(bytes);
        assertThat(buffer.get()).isZero();
        int id = buffer.getInt();
        Schema writer = new Schema.Parser().parse(http.get("/schemas/ids/" + id).json().path("schema").asText());
        return new GenericDatumReader<GenericRecord>(writer)
                .read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
    }
}
