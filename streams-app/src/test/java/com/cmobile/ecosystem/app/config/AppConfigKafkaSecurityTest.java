package com.cmobile.ecosystem.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.cmobile.ecosystem.app.topology.DeadLetterListener;
import com.cmobile.ecosystem.app.topology.EcosystemTopology;
import com.cmobile.ecosystem.app.topology.TopologySettings;
import com.cmobile.ecosystem.validation.EventValidator;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code KAFKA_*} security settings: from variables, from a file, checked, never shown. */
class AppConfigKafkaSecurityTest {

    private static final Topology TOPOLOGY = new EcosystemTopology(
            TopologySettings.withDefaults(Map.of("schema.registry.url", "mock://kafka-security-test")),
            EventValidator.withDefaults(), DeadLetterListener.NONE).build();

    @Test
    void withoutSecuritySettingsTheClientsStayPlaintext() {
        var config = AppConfig.defaults();

        assertThat(config.kafkaSecurity().isPlaintext()).isTrue();
        assertThat(StreamsProperties.adminConfig(config)).containsOnlyKeys("bootstrap.servers");
    }

    @Test
    void scramVariablesBecomeTheStandardClientPropertiesOfEveryClient(@TempDir Path dir) throws Exception {
        Path ca = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
        var config = AppConfig.from(Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_SASL_USERNAME", "app", "KAFKA_SASL_PASSWORD", "app-Secret-1",
                "KAFKA_SSL_TRUSTSTORE_LOCATION", ca.toString(), "KAFKA_SSL_TRUSTSTORE_TYPE", "PEM"));

        var streams = StreamsProperties.of(config, DeadLetterListener.NONE, TOPOLOGY);
        assertThat(streams).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                        + "username=\"app\" password=\"app-Secret-1\";")
                .containsEntry("ssl.truststore.location", ca.toString()).containsEntry("ssl.truststore.type", "PEM");
        assertThat(StreamsProperties.adminConfig(config)).containsEntry("security.protocol", "SASL_SSL")
                .containsKey("sasl.jaas.config");
        assertThat(config.toString()).contains("SASL_SSL", "user app").doesNotContain("app-Secret-1");
    }

    @Test
    void theFileGivesTheSettingsAndVariablesOverrideThem(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("app-kafka.properties"), """
                security.protocol=SASL_PLAINTEXT
                sasl.mechanism=SCRAM-SHA-256
                sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="old" password="old-password";
                """);

        var config = AppConfig.from(Map.of("KAFKA_CLIENT_CONFIG_FILE", file.toString(),
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512", "KAFKA_SASL_USERNAME", "app", "KAFKA_SASL_PASSWORD", "new-password"));

        assertThat(config.kafkaSecurity().properties()).containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512");
        assertThat(config.kafkaSecurity().properties().get("sasl.jaas.config")).contains("username=\"app\"", "new-password");
    }

    @Test
    void misconfiguredSecurityStopsTheStartNamingTheSettingNotTheSecret() {
        assertThatThrownBy(() -> AppConfig.from(Map.of("KAFKA_SECURITY_PROTOCOL", "TLS")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("KAFKA_SECURITY_PROTOCOL");
        assertThatThrownBy(() -> AppConfig.from(Map.of("KAFKA_SASL_USERNAME", "app")))
                .hasMessageContaining("KAFKA_SASL_PASSWORD");
        assertThatThrownBy(() -> AppConfig.from(Map.of("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_SASL_USERNAME", "app", "KAFKA_SASL_PASSWORD", "hush-hush-9")))
                .hasMessageContaining("PLAINTEXT").hasMessageNotContaining("hush-hush-9");
        assertThatThrownBy(() -> AppConfig.from(Map.of("KAFKA_CLIENT_CONFIG_FILE", "/no/such/kafka.properties")))
                .hasMessageContaining("/no/such/kafka.properties");
    }
}
