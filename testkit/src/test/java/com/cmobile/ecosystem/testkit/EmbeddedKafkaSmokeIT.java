package com.cmobile.ecosystem.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedKafkaExtension.class)
class EmbeddedKafkaSmokeIT {

    private static final Instant BACKFILL_2006 = Instant.parse("2006-03-01T09:00:00Z");

    @Test
    void recordsRoundTripAndARecordStampedIn2006IsStillConsumable(EmbeddedKafka kafka) throws Exception {
        // given a topic with the test kit's default (infinite) retention
        String topic = kafka.uniqueName("smoke");
        kafka.createTopic(topic, 2);

        // when a current record and one stamped 2006 are produced
        try (var producer = new KafkaProducer<>(kafka.producerProperties(), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, 0, BACKFILL_2006.toEpochMilli(), "pop-1", "backfill")).get();
            producer.send(new ProducerRecord<>(topic, 1, Instant.now().toEpochMilli(), "pop-2", "today")).get();
        }

        // then both are consumed, the old one with its original timestamp
        List<ConsumerRecord<String, String>> records = consumeAtLeast(kafka, topic, 2, Duration.ofSeconds(20));
        assertThat(records).extracting(ConsumerRecord::value).containsExactlyInAnyOrder("backfill", "today");
        assertThat(records).filteredOn(r -> r.value().equals("backfill"))
                .singleElement().extracting(ConsumerRecord::timestamp).isEqualTo(BACKFILL_2006.toEpochMilli());
    }

    @Test
    void eventTopicsAreProvisionedIdempotently(EmbeddedKafka kafka) {
        // given two event topics and their dead-letter topics, provisioned once
        String orders = kafka.uniqueName("orders");
        String payments = kafka.uniqueName("payments");
        var dlqByEventTopic = Map.of(orders, orders + "-dlq", payments, payments + "-dlq");
        var first = kafka.provisionEventTopics(dlqByEventTopic);

        // when provisioning runs again
        var second = kafka.provisionEventTopics(dlqByEventTopic);

        // then the first run created all four, the second none, reporting them as existing
        assertThat(first.created()).containsExactlyInAnyOrder(orders, orders + "-dlq", payments, payments + "-dlq");
        assertThat(second.created()).isEmpty();
        assertThat(second.alreadyExisting()).containsExactlyInAnyOrderElementsOf(first.created());
    }

    @Test
    void withoutARegistryProviderTheRegistryUrlNamesTheTestJarToAddAndClientsGetNone(EmbeddedKafka kafka) {
        // testkit's own test class path has no SchemaRegistryProvider
        assertThatIllegalStateException().isThrownBy(kafka::schemaRegistryUrl)
                .withMessageContaining("<artifactId>registry</artifactId><type>test-jar</type>");
        assertThat(kafka.producerProperties()).doesNotContainKey("schema.registry.url");
        assertThat(kafka.consumerProperties("any")).doesNotContainKey("schema.registry.url");
    }

    static List<ConsumerRecord<String, String>> consumeAtLeast(EmbeddedKafka kafka, String topic, int count, Duration timeout) {
        var records = new ArrayList<ConsumerRecord<String, String>>();
        try (var consumer = new KafkaConsumer<>(kafka.consumerProperties(kafka.uniqueName("smoke-reader")),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
