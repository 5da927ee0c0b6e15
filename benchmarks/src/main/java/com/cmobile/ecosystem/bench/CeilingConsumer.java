package com.cmobile.ecosystem.bench;

import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.events.Topics;
import com.cmobile.ecosystem.serde.EventSerdes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The ceiling: plain {@link KafkaConsumer}s (as many as the app has stream threads) reading both
 * input topics from the beginning and decoding every value with the project's Avro deserializer,
 * as the pipeline's first step does, with the same isolation level and poll size as Kafka Streams
 * under exactly-once. No group (partitions are assigned), no processing, no writes: no pipeline on
 * the same broker can consume faster.
 */
final class CeilingConsumer {

    /** One pass: how many events were decoded in how long. */
    record Pass(long events, long nanos) {
        double eventsPerSecond() {
            return events / (nanos / 1e9);
        }
    }

    private final String bootstrapServers;
    private final String schemaRegistryUrl;
    private final int consumers;

    CeilingConsumer(String bootstrapServers, String schemaRegistryUrl, int consumers) {
        this.bootstrapServers = bootstrapServers;
        this.schemaRegistryUrl = schemaRegistryUrl;
        this.consumers = consumers;
    }

    /** Reads everything once; fails if the end is not reached within {@code timeout}. */
    Pass readAll(Duration timeout) throws Exception {
        List<TopicPartition> partitions = partitions();
        ExecutorService pool = Executors.newFixedThreadPool(consumers);
        try {
            List<List<TopicPartition>> shares = new ArrayList<>();
            for (int i = 0; i < consumers; i++) {
                shares.add(new ArrayList<>());
            }
            for (int i = 0; i < partitions.size(); i++) {
                shares.get(i % consumers).add(partitions.get(i));
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            long start = System.nanoTime();
            List<Future<Long>> counts = new ArrayList<>();
            for (List<TopicPartition> share : shares) {
                counts.add(pool.submit(() -> consume(share, deadline)));
            }
            long events = 0;
            for (Future<Long> count : counts) {
                events += count.get(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
            }
            return new Pass(events, System.nanoTime() - start);
        } finally {
            pool.shutdownNow();
        }
    }

    private long consume(List<TopicPartition> share, long deadline) {
        Map<String, Object> serdeConfig = Map.of("schema.registry.url", schemaRegistryUrl);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties(),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
             Deserializer<PopCapacityEvent> pops = EventSerdes.popCapacity(serdeConfig).deserializer();
             Deserializer<PartnerOnboardingEvent> partners = EventSerdes.partnerOnboarding(serdeConfig).deserializer()) {
            consumer.assign(share);
            consumer.seekToBeginning(share);
            Map<TopicPartition, Long> end = consumer.endOffsets(share);
            long events = 0;
            long checksum = 0;
            while (!reachedEnd(consumer, share, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("ceiling consumer did not reach the end of " + share + " in time");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    // Keep what was decoded observable so the JIT cannot drop the work.
                    if (record.topic().equals(Topics.POP_CAPACITY)) {
                        checksum += pops.deserialize(record.topic(), record.headers(), record.value()).getCapacityMbps();
                    } else {
                        checksum += partners.deserialize(record.topic(), record.headers(), record.value())
                                .getPartnerId().length();
                    }
                    events++;
                }
            }
            return checksum == Long.MIN_VALUE ? events + 1 : events;
        }
    }

    private static boolean reachedEnd(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> share,
                                      Map<TopicPartition, Long> end) {
        for (TopicPartition partition : share) {
            if (consumer.position(partition) < end.get(partition)) {
                return false;
            }
        }
        return true;
    }

    private List<TopicPartition> partitions() {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties(),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> all = new ArrayList<>();
            for (String topic : List.of(Topics.POP_CAPACITY, Topics.PARTNER_ONBOARDING)) {
                for (PartitionInfo info : consumer.partitionsFor(topic)) {
                    all.add(new TopicPartition(topic, info.partition()));
                }
            }
            return all;
        }
    }

    private Map<String, Object> consumerProperties() {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                // Kafka Streams' own default poll size.
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    }
}
