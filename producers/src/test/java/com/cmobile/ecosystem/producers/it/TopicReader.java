package com.cmobile.ecosystem.producers.it;

import com.cmobile.ecosystem.testkit.EmbeddedKafka;
import com.cmobile.ecosystem.serde.SpecificAvroDeserializer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a whole event topic from the beginning and keeps the records a test is interested in. */
final class TopicReader {

    private TopicReader() {
    }

    /**
     * Every record of {@code topic} matching {@code wanted}, read until {@code expected} of them were
     * seen and the topic had nothing more for a moment, or until the deadline.
     */
    static <T extends SpecificRecord> List<ConsumerRecord<String, T>> read(EmbeddedKafka kafka, String topic,
            Class<T> type, Predicate<ConsumerRecord<String, T>> wanted, int expected, Duration deadline) {
        var props = kafka.consumerProperties(kafka.uniqueName("producers-it"));
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        var values = new SpecificAvroDeserializer<>(type);
        values.configure(props, false);
        var found = new ArrayList<ConsumerRecord<String, T>>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), values)) {
            consumer.subscribe(List.of(topic));
            Instant end = Instant.now().plus(deadline);
            int emptyPollsAfterExpected = 0;
            while (Instant.now().isBefore(end) && emptyPollsAfterExpected < 3) {
                var records = consumer.poll(Duration.ofMillis(500));
                records.forEach(record -> {
                    if (wanted.test(record)) {
                        found.add(record);
                    }
                });
                if (found.size() >= expected && records.isEmpty()) {
                    emptyPollsAfterExpected++;
                }
            }
        }
        return found;
    }
}
