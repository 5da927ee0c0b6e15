package com.cmobile.ecosystem.registry.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.cmobile.ecosystem.kafka.KafkaClientSecurity;
import com.cmobile.ecosystem.registry.ErrorCodes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The registry's durable log: a compacted, single-partition topic of JSON keys and values.
 * One partition keeps one total order, so replaying it rebuilds the same ids and versions.
 */
final class SchemaTopicLog implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final KafkaClientSecurity security;
    private final TopicPartition partition;
    private final KafkaProducer<String, String> producer;

    SchemaTopicLog(String bootstrapServers, KafkaClientSecurity security, String topic) {
        this.bootstrapServers = bootstrapServers;
        this.security = security;
        this.partition = new TopicPartition(topic, 0);
        this.producer = new KafkaProducer<>(security.applyTo(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                // A registry request should fail within seconds when the broker is gone, not hang for minutes.
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000,
                ProducerConfig.CLIENT_ID_CONFIG, "schema-registry-writer")),
                new StringSerializer(), new StringSerializer());
    }

    /** A key and value as stored; tombstones are skipped on replay, so value is never null. */
    record Entry(String key, String value) {
    }

    /** Creates the compacted topic unless it exists. */
    void ensureTopic() {
        try (var admin = Admin.create(security.applyTo(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers)))) {
            // One partition keeps one order of registrations; the broker's default replication factor
            // makes the topic as durable as the cluster is (1 on the embedded broker, 3 on a cluster).
            var topic = new NewTopic(partition.topic(), Optional.of(1), Optional.empty())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            admin.createTopics(List.of(topic)).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create the schema topic " + partition.topic(), e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Timed out creating the schema topic " + partition.topic(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted creating the schema topic " + partition.topic(), e);
        }
    }

    /** Every entry from the beginning to the current end of the topic, in order. */
    List<Entry> readAll() {
        var entries = new ArrayList<Entry>();
        try (var consumer = new KafkaConsumer<>(security.applyTo(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.CLIENT_ID_CONFIG, "schema-registry-reader")),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), TIMEOUT).get(partition);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (consumer.position(partition, TIMEOUT) < end) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Timed out replaying " + partition + " at offset "
                            + consumer.position(partition) + " of " + end);
                }
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() != null && record.value() != null) {
                        entries.add(new Entry(record.key(), record.value()));
                    }
                }
            }
        }
        return entries;
    }

    /** Appends and waits until the broker has it, so a state change is never acknowledged before it is durable. */
    void append(String key, String value) {
        try {
            producer.send(new ProducerRecord<>(partition.topic(), partition.partition(), key, value))
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | KafkaException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new RegistryException(500, ErrorCodes.STORE_ERROR,
                    "Could not write to " + partition.topic() + ": " + cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw new RegistryException(500, ErrorCodes.STORE_ERROR,
                    "Timed out writing to " + partition.topic(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(500, ErrorCodes.STORE_ERROR,
                    "Interrupted writing to " + partition.topic(), e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
