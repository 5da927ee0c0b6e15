package com.cmobile.ecosystem.bench.chaos;

import com.cmobile.ecosystem.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The dead-letter topics, read {@code read_committed} from the beginning, must hold exactly the
 * invalid records of the history, each once: same input topic, key and value bytes.
 */
final class DeadLetterCheck {

    /** What was found: records seen, and one line per record missing, repeated or not expected. */
    record Result(long expected, long seen, List<String> mismatches) {
    }

    private static final Map<String, String> INPUT_OF = Map.of(
            Topics.POP_CAPACITY_DLQ, Topics.POP_CAPACITY,
            Topics.PARTNER_ONBOARDING_DLQ, Topics.PARTNER_ONBOARDING);

    private final ConcurrentMap<String, Integer> expected = new ConcurrentHashMap<>();

    /** Notes a record the app must dead-letter. */
    void expect(String topic, String key, byte[] value) {
        expected.merge(signature(topic, key, value), 1, Integer::sum);
    }

    long expectedCount() {
        return expected.values().stream().mapToLong(Integer::longValue).sum();
    }

    Result check(String bootstrapServers, Duration timeout) {
        Map<String, Integer> seen = new HashMap<>();
        long records = 0;
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : INPUT_OF.keySet()) {
                consumer.partitionsFor(topic, timeout).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // read_committed: the end is the last stable offset, which open transactions hold back.
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!reached(consumer, end, timeout) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    records++;
                    String key = record.key() == null ? "<null>" : new String(record.key(),
                            java.nio.charset.StandardCharsets.UTF_8);
                    seen.merge(signature(INPUT_OF.get(record.topic()), key, record.value()), 1, Integer::sum);
                }
            }
        }
        List<String> mismatches = new ArrayList<>();
        Map<String, Integer> all = new TreeMap<>(expected);
        seen.forEach((k, v) -> all.putIfAbsent(k, 0));
        for (var entry : all.entrySet()) {
            int want = expected.getOrDefault(entry.getKey(), 0);
            int got = seen.getOrDefault(entry.getKey(), 0);
            if (want != got) {
                mismatches.add("DLQ " + describe(entry.getKey()) + ": expected " + want + " time(s), found " + got);
            }
        }
        return new Result(expectedCount(), records, mismatches);
    }

    private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end,
                                   Duration timeout) {
        Set<TopicPartition> partitions = end.keySet();
        for (TopicPartition partition : partitions) {
            if (consumer.position(partition, timeout) < end.get(partition)) {
                return false;
            }
        }
        return true;
    }

    private static String signature(String topic, String key, byte[] value) {
        return topic + "|" + key + "|" + Base64.getEncoder().encodeToString(value);
    }

    private static String describe(String signature) {
        String[] parts = signature.split("\\|", 3);
        String value = parts[2].length() > 24 ? parts[2].substring(0, 24) + "..." : parts[2];
        return parts[0] + " key " + parts[1] + " value(base64) " + value;
    }
}
