package com.cmobile.ecosystem.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.cmobile.ecosystem.app.topology.DeadLetterExceptionHandlers;
import com.cmobile.ecosystem.app.topology.DeadLetterListener;
import com.cmobile.ecosystem.app.topology.EcosystemTopology;
import com.cmobile.ecosystem.app.topology.TopologySettings;
import com.cmobile.ecosystem.validation.EventValidator;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.Test;

class StreamsPropertiesTest {

    private static final Topology TOPOLOGY = new EcosystemTopology(
            TopologySettings.withDefaults(Map.of("schema.registry.url", "mock://streams-properties-test")),
            EventValidator.withDefaults(), DeadLetterListener.NONE).build();

    @Test
    void exactlyOnceIsTheDefaultGuarantee() {
        var props = StreamsProperties.of(AppConfig.defaults(), DeadLetterListener.NONE, TOPOLOGY);

        assertThat(props.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    }

    @Test
    void aCrashedInstanceIsNoticedAfterTheSessionTimeoutNotKafkasDefault45Seconds() {
        var props = StreamsProperties.of(AppConfig.from(Map.of("SESSION_TIMEOUT_MS", "9000",
                "HEARTBEAT_INTERVAL_MS", "3000")), DeadLetterListener.NONE, TOPOLOGY);

        assertThat(props.get(StreamsConfig.mainConsumerPrefix("session.timeout.ms"))).isEqualTo(9000);
        assertThat(props.get(StreamsConfig.mainConsumerPrefix("heartbeat.interval.ms"))).isEqualTo(3000);
        assertThat(new StreamsConfig(props).getMainConsumerConfigs("group", "client", 0))
                .containsEntry("session.timeout.ms", 9000).containsEntry("heartbeat.interval.ms", 3000);
    }

    @Test
    void exactlyOnceKeepsUncommittedWritesOutOfTheStores() {
        var eos = StreamsProperties.of(AppConfig.defaults(), DeadLetterListener.NONE, TOPOLOGY);
        var alos = StreamsProperties.of(AppConfig.from(Map.of("PROCESSING_GUARANTEE", "at_least_once")),
                DeadLetterListener.NONE, TOPOLOGY);

        assertThat(eos.get(StreamsConfig.TRANSACTIONAL_STATE_STORES_CONFIG)).isEqualTo(true);
        assertThat(alos).doesNotContainKey(StreamsConfig.TRANSACTIONAL_STATE_STORES_CONFIG);
    }

    @Test
    void crashFailoverSettingsReachTheProducersAndTheAssignor() {
        var eos = StreamsProperties.of(AppConfig.from(Map.of("TRANSACTION_TIMEOUT_MS", "4000",
                "ACCEPTABLE_RECOVERY_LAG", "250", "PROBING_REBALANCE_INTERVAL_MS", "90000")),
                DeadLetterListener.NONE, TOPOLOGY);
        var alos = StreamsProperties.of(AppConfig.from(Map.of("PROCESSING_GUARANTEE", "at_least_once")),
                DeadLetterListener.NONE, TOPOLOGY);

        assertThat(eos.get(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG))).isEqualTo(4000);
        assertThat(eos.get(StreamsConfig.ACCEPTABLE_RECOVERY_LAG_CONFIG)).isEqualTo(250L);
        assertThat(eos.get(StreamsConfig.PROBING_REBALANCE_INTERVAL_MS_CONFIG)).isEqualTo(90000L);
        // Without transactions there is no transaction to time out.
        assertThat(alos).doesNotContainKey(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG));
        assertThat(new StreamsConfig(eos).getLong(StreamsConfig.ACCEPTABLE_RECOVERY_LAG_CONFIG)).isEqualTo(250L);
    }

    @Test
    void guaranteeIsConfigurable() {
        var props = StreamsProperties.of(AppConfig.from(Map.of("PROCESSING_GUARANTEE", "at_least_once")),
                DeadLetterListener.NONE, TOPOLOGY);

        assertThat(props.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.AT_LEAST_ONCE);
    }

    @Test
    void errorHandlersAndExplicitNamingAreConfigured() {
        var props = StreamsProperties.of(AppConfig.defaults(), DeadLetterListener.NONE, TOPOLOGY);

        assertThat(props.get(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG))
                .isEqualTo(DeadLetterExceptionHandlers.Processing.class.getName());
        assertThat(props.get(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG))
                .isEqualTo(DeadLetterExceptionHandlers.Deserialization.class.getName());
        assertThat(props.get(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG)).isEqualTo(true);
        assertThat(props.get(StreamsConfig.APPLICATION_SERVER_CONFIG)).isEqualTo("localhost:8080");
    }

    @Test
    void rocksDbMemoryIsBoundedByOneSetting() {
        var props = StreamsProperties.of(AppConfig.from(Map.of("ROCKSDB_MEMORY_MB", "64")), DeadLetterListener.NONE, TOPOLOGY);

        assertThat(props.get(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG))
                .isEqualTo(BoundedRocksDbMemory.class.getName());
        assertThat(props.get(BoundedRocksDbMemory.TOTAL_BYTES_CONFIG)).isEqualTo(64L * 1024 * 1024);
    }

    @Test
    void producesAValidStreamsConfig() {
        var props = StreamsProperties.of(AppConfig.defaults(), DeadLetterListener.NONE, TOPOLOGY);

        var config = new StreamsConfig(props);

        assertThat(config.getString(StreamsConfig.APPLICATION_ID_CONFIG)).isEqualTo("ecosystem-aggregates");
    }
}
