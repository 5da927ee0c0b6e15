package com.cmobile.ecosystem.producers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PublisherConfigTest {

    @Test
    void withNothingConfiguredItTalksToLocalhost() {
        PublisherConfig config = PublisherConfig.fromEnvironment(Map.of());

        assertThat(config.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(config.schemaRegistryUrl()).isEqualTo("http://localhost:8081");
        assertThat(config.clientProperties()).isEmpty();
    }

    @Test
    void environmentVariablesNameTheClusterAndPassSecuritySettingsThrough() {
        PublisherConfig config = PublisherConfig.fromEnvironment(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9093,kafka-2:9093",
                "SCHEMA_REGISTRY_URL", "https://registry:8081",
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "PLAIN",
                "SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO", "user:secret",
                "HOME", "/root"));

        assertThat(config.bootstrapServers()).isEqualTo("kafka-1:9093,kafka-2:9093");
        assertThat(config.schemaRegistryUrl()).isEqualTo("https://registry:8081");
        assertThat(config.clientProperties()).containsOnly(
                Map.entry("security.protocol", "SASL_SSL"),
                Map.entry("sasl.mechanism", "PLAIN"),
                Map.entry("basic.auth.user.info", "user:secret"));
    }

    @Test
    void propertiesUseTheKafkaNames() {
        var properties = new Properties();
        properties.setProperty("bootstrap.servers", "broker:9092");
        properties.setProperty("schema.registry.url", "mock://test");
        properties.setProperty("ssl.truststore.location", "/etc/trust.jks");

        PublisherConfig config = PublisherConfig.fromProperties(properties);

        assertThat(config.bootstrapServers()).isEqualTo("broker:9092");
        assertThat(config.schemaRegistryUrl()).isEqualTo("mock://test");
        assertThat(config.producerProperties()).containsEntry("ssl.truststore.location", "/etc/trust.jks")
                .doesNotContainKey("schema.registry.url");
        assertThat(config.serializerProperties()).containsEntry("schema.registry.url", "mock://test")
                .containsEntry("ssl.truststore.location", "/etc/trust.jks");
    }

    @Test
    void theProducerIsAlwaysIdempotentWithAcksAllWhateverIsPassedThrough() {
        PublisherConfig config = PublisherConfig.defaults().withClientProperties(Map.of(
                "acks", "1", "enable.idempotence", "false", "linger.ms", "50"));

        assertThat(config.producerProperties())
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", "true")
                .containsEntry("linger.ms", "50")
                .containsEntry("compression.type", "lz4");
    }

    @Test
    void tooManyRequestsInFlightForOrderedIdempotenceAreRefused() {
        PublisherConfig config = PublisherConfig.defaults()
                .withClientProperties(Map.of("max.in.flight.requests.per.connection", "10"));

        assertThatThrownBy(config::producerProperties).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max.in.flight.requests.per.connection");
    }

    @Test
    void blankServersAreRefusedWhereTheConfigIsBuilt() {
        assertThatThrownBy(() -> new PublisherConfig(" ", "http://r", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bootstrap servers");
    }

    @Test
    void bulkPublicationLingersLongerUnlessLingerIsSetExplicitly() {
        PublisherConfig plain = PublisherConfig.defaults();
        PublisherConfig explicit = plain.withClientProperties(Map.of("linger.ms", "5"));

        assertThat(plain.forBulkPublication().producerProperties())
                .containsEntry("linger.ms", String.valueOf(PublisherConfig.BULK_LINGER_MS))
                .containsEntry("acks", "all").containsEntry("enable.idempotence", "true");
        assertThat(explicit.forBulkPublication().producerProperties()).containsEntry("linger.ms", "5");
        assertThat(plain.producerProperties()).containsEntry("linger.ms", "10");
    }

    @Test
    void itsDescriptionHidesSecretsButNamesTheSettings() {
        var config = PublisherConfig.fromProperties(properties(Map.of("security.protocol", "SASL_SSL",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"p\" password=\"pw-123\";",
                "ssl.truststore.password", "store-pw", "basic.auth.user.info", "p:registry-pw")));

        assertThat(config.toString()).contains("security.protocol=SASL_SSL", "sasl.jaas.config=[hidden]",
                "ssl.truststore.password=[hidden]", "basic.auth.user.info=[hidden]")
                .doesNotContain("pw-123").doesNotContain("store-pw").doesNotContain("registry-pw");
    }

    private static Properties properties(Map<String, String> values) {
        var properties = new Properties();
        properties.putAll(values);
        return properties;
    }

    @Test
    void aSaslUserAndPasswordFromTheEnvironmentBecomeTheJaasLineAsForTheApp() {
        var config = PublisherConfig.fromEnvironment(Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512", "KAFKA_SASL_USERNAME", "partner-demo", "KAFKA_SASL_PASSWORD", "pw-42"));

        assertThat(config.producerProperties()).containsEntry("sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"partner-demo\" password=\"pw-42\";")
                .doesNotContainKeys("sasl.username", "sasl.password");
        assertThatThrownBy(() -> PublisherConfig.fromEnvironment(Map.of("KAFKA_SASL_USERNAME", "partner-demo")))
                .hasMessageContaining("KAFKA_SASL_PASSWORD");
    }
}
