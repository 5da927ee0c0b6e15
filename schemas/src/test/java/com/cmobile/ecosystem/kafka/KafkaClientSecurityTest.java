package com.cmobile.ecosystem.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaClientSecurityTest {

    private static final String JAAS = KafkaClientSecurity.jaasConfig("SCRAM-SHA-512", "app", "s3cret-Pa55");

    @Test
    void saslSslWithScramIsAcceptedAndItsDescriptionHidesThePassword(@TempDir Path directory) throws Exception {
        Path ca = Files.writeString(directory.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
        var security = KafkaClientSecurity.of(Map.of("security.protocol", "sasl_ssl", "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", JAAS, "ssl.truststore.type", "PEM", "ssl.truststore.location", ca.toString()));

        assertThat(security.protocol()).isEqualTo("SASL_SSL");
        assertThat(security.toString()).contains("SASL_SSL", "SCRAM-SHA-512", "user app", ca.toString())
                .doesNotContain("s3cret-Pa55").doesNotContain("ScramLoginModule");
        assertThat(security.applyTo(Map.of("bootstrap.servers", "b:9093")))
                .containsEntry("bootstrap.servers", "b:9093").containsEntry("sasl.jaas.config", JAAS);
    }

    @Test
    void aKeyThatIsNotASecuritySettingIsRefusedByName() {
        assertThatThrownBy(() -> KafkaClientSecurity.of(Map.of("acks", "0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'acks'");
    }

    @Test
    void saslSettingsOnAPlaintextConnectionAreRefusedRatherThanIgnored() {
        assertThatThrownBy(() -> KafkaClientSecurity.of(Map.of("sasl.mechanism", "PLAIN", "sasl.jaas.config", JAAS)))
                .hasMessageContaining("PLAINTEXT").hasMessageNotContaining("s3cret");
    }

    @Test
    void saslNeedsAMechanismAndALogin() {
        assertThatThrownBy(() -> KafkaClientSecurity.of(Map.of("security.protocol", "SASL_PLAINTEXT")))
                .hasMessageContaining("sasl.mechanism");
        assertThatThrownBy(() -> KafkaClientSecurity.of(Map.of("security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", "SCRAM-SHA-512"))).hasMessageContaining("sasl.jaas.config");
    }

    @Test
    void anUnknownProtocolOrAMissingStoreFileIsRefused() {
        assertThatThrownBy(() -> KafkaClientSecurity.of(Map.of("security.protocol", "TLS")))
                .hasMessageContaining("security.protocol");
        assertThatThrownBy(() -> KafkaClientSecurity.of(Map.of("security.protocol", "SSL",
                "ssl.keystore.location", "/no/such/client.p12"))).hasMessageContaining("/no/such/client.p12");
    }

    @Test
    void aJaasLineQuotesWhatWouldEndTheValue() {
        assertThat(KafkaClientSecurity.jaasConfig("PLAIN", "partner", "pa\"ss\\word"))
                .isEqualTo("org.apache.kafka.common.security.plain.PlainLoginModule required "
                        + "username=\"partner\" password=\"pa\\\"ss\\\\word\";");
        assertThatThrownBy(() -> KafkaClientSecurity.jaasConfig("GSSAPI", "u", "p")).hasMessageContaining("GSSAPI");
    }

    @Test
    void aFileIsReadAndLaterSettingsOverrideIt(@TempDir Path directory) throws Exception {
        Path file = Files.writeString(directory.resolve("client.properties"),
                "security.protocol=SASL_PLAINTEXT\nsasl.mechanism=SCRAM-SHA-256\nsasl.jaas.config=" + JAAS + "\n");

        var security = KafkaClientSecurity.fromFile(file).with(Map.of("sasl.mechanism", "SCRAM-SHA-512"));

        assertThat(security.properties()).containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("security.protocol", "SASL_PLAINTEXT");
        Path bad = Files.writeString(directory.resolve("bad.properties"), "bootstrap.servers=x:1\n");
        assertThatThrownBy(() -> KafkaClientSecurity.fromFile(bad)).hasMessageContaining(bad.toString())
                .hasMessageContaining("bootstrap.servers");
    }
}
