package com.cmobile.ecosystem.app.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import com.cmobile.ecosystem.app.topology.DeadLetterExceptionHandlers;
import com.cmobile.ecosystem.app.topology.DeadLetterListener;
import com.cmobile.ecosystem.app.topology.DeadLetterSides;
import com.cmobile.ecosystem.app.topology.TopologySettings;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/** Turns an {@link AppConfig} into Kafka Streams properties and topology settings. */
public final class StreamsProperties {

    private StreamsProperties() {
    }

    /**
     * The Kafka Streams configuration of {@code topology}, with the DLQ handlers told about
     * {@code listener} and about the side of each of its processors and topics.
     */
    public static Properties of(AppConfig config, DeadLetterListener listener, Topology topology) {
        var props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.processingGuarantee());
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toString());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.numStreamThreads());
        props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, config.numStandbyReplicas());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.commitInterval().toMillis());
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, config.cacheMaxBytes());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, config.replicationFactor());
        props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, config.applicationServer());
        // The only task with two inputs joins the two halves of the global capacity entry, whose
        // order does not matter: never wait for the emptier input (the profile of the pipeline
        // benchmark showed the readiness check, and the log line it formats, at 12% of the thread).
        props.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, -1L);
        // Under exactly-once, RocksDB stores hold writes in a buffer until their transaction commits
        // (KIP-892): interactive queries read committed data only (at most one commit interval
        // old), and the pipeline benchmark's instances spend 148 instead of 178 us of CPU per event.
        // Two Kafka Streams 4.4.0 defects come with them: reading a closed store's uncommitted-bytes
        // metric crashes the JVM (EcosystemMetrics binds no store metric, see StreamsClientMetrics),
        // and a restart after a crash wipes them all the same (the start-up registration of task
        // directories ignores the setting), as it wipes any store under exactly-once.
        if (!StreamsConfig.AT_LEAST_ONCE.equals(config.processingGuarantee())) {
            props.put(StreamsConfig.TRANSACTIONAL_STATE_STORES_CONFIG, true);
        }
        // Commit on the interval only. With a positive bound (64 MiB by default) every loop of the
        // stream thread asks every store of every task for its uncommitted bytes: 5% of the thread
        // in the pipeline benchmark's profile; the commit interval (100 ms) bounds the buffers already.
        props.put(StreamsConfig.STATESTORE_UNCOMMITTED_MAX_BYTES_CONFIG, -1L);
        // One bound for all RocksDB memory of this JVM (block cache and memtables), not one per store.
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class.getName());
        props.put(BoundedRocksDbMemory.TOTAL_BYTES_CONFIG, config.rocksDbMemoryMb() * 1024L * 1024L);
        // Crash detection: the main consumer's session (the group membership of each stream thread).
        props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG),
                (int) config.sessionTimeout().toMillis());
        props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG),
                (int) config.heartbeatInterval().toMillis());
        props.put(StreamsConfig.GROUP_PROTOCOL_CONFIG, config.groupProtocol());
        // Crash failover: the takers of a dead instance's tasks wait for its open transaction to be
        // aborted; and only replicas about as fresh as a standby take active tasks at once.
        if (!StreamsConfig.AT_LEAST_ONCE.equals(config.processingGuarantee())) {
            props.put(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG),
                    (int) config.transactionTimeout().toMillis());
        }
        props.put(StreamsConfig.ACCEPTABLE_RECOVERY_LAG_CONFIG, config.acceptableRecoveryLag());
        props.put(StreamsConfig.PROBING_REBALANCE_INTERVAL_MS_CONFIG, config.probingRebalanceInterval().toMillis());
        // Every processor, store and internal topic has a name; refuse to start if one slips through.
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterExceptionHandlers.Processing.class.getName());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterExceptionHandlers.Deserialization.class.getName());
        props.put(DeadLetterExceptionHandlers.POP_CAPACITY_DLQ_CONFIG, config.popCapacityDlqTopic());
        props.put(DeadLetterExceptionHandlers.PARTNER_ONBOARDING_DLQ_CONFIG, config.partnerOnboardingDlqTopic());
        props.put(DeadLetterExceptionHandlers.LISTENER_CONFIG, listener);
        props.put(DeadLetterExceptionHandlers.SIDES_CONFIG, DeadLetterSides.of(topology.describe(),
                config.applicationId(), config.popCapacityTopic(), config.partnerOnboardingTopic()));
        props.put("schema.registry.url", config.schemaRegistryUrl());
        // security.protocol, sasl.*, ssl.*: Kafka Streams hands them to its consumers, producers and admin.
        props.putAll(config.kafkaSecurity().properties());
        return props;
    }

    /**
     * What the topology needs: the event serdes' configuration, the topics and the partition counts
     * of the input topics (read from the cluster at start).
     */
    public static TopologySettings topologySettings(AppConfig config, int popCapacityPartitions,
                                                    int partnerOnboardingPartitions) {
        return new TopologySettings(serdeConfig(config), config.popCapacityTopic(), config.partnerOnboardingTopic(),
                config.popCapacityDlqTopic(), config.partnerOnboardingDlqTopic(),
                config.stateStores() == AppConfig.StateStores.IN_MEMORY
                        ? TopologySettings.StoreType.IN_MEMORY : TopologySettings.StoreType.PERSISTENT,
                popCapacityPartitions, partnerOnboardingPartitions);
    }

    /** What an admin client of this application needs to reach the cluster. */
    public static Map<String, Object> adminConfig(AppConfig config) {
        return config.kafkaSecurity().applyTo(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers()));
    }

    /** Configuration of the schemas module's event serdes: the registry and its credentials, if any. */
    public static Map<String, Object> serdeConfig(AppConfig config) {
        var serde = new HashMap<String, Object>(config.schemaRegistryCredentials());
        serde.put("schema.registry.url", config.schemaRegistryUrl());
        return Map.copyOf(serde);
    }
}
