package com.cmobile.ecosystem.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AppConfigTest {

    @Test
    void defaultsAreExactlyOnceOnLocalhost() {
        var config = AppConfig.defaults();

        assertThat(config.processingGuarantee()).isEqualTo("exactly_once_v2");
        assertThat(config.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(config.applicationServer()).isEqualTo("localhost:8080");
        assertThat(config.popCapacityDlqTopic()).isEqualTo("pop-capacity-dlq");
        assertThat(config.futureTolerance()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void queriesAndShutdownAreBoundedAndStandbysKeptByDefault() {
        var config = AppConfig.defaults();

        assertThat(config.queryTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.shutdownTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.numStandbyReplicas()).isEqualTo(1);
        assertThat(config.rocksDbMemoryMb()).isEqualTo(256);
    }

    @Test
    void queryTimeoutComesFromTheEnvironment() {
        var config = AppConfig.from(Map.of("QUERY_TIMEOUT_MS", "750", "SHUTDOWN_TIMEOUT_MS", "2000"));

        assertThat(config.queryTimeout()).isEqualTo(Duration.ofMillis(750));
        assertThat(config.shutdownTimeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aZeroQueryTimeoutIsRejectedNamingTheVariable() {
        assertThatThrownBy(() -> AppConfig.from(Map.of("QUERY_TIMEOUT_MS", "0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("QUERY_TIMEOUT_MS");
    }

    @Test
    void environmentNamesAndDottedNamesBothWork() {
        var config = AppConfig.from(Map.of("PROCESSING_GUARANTEE", "at_least_once", "http.port", "9000"));

        assertThat(config.processingGuarantee()).isEqualTo("at_least_once");
        assertThat(config.httpPort()).isEqualTo(9000);
        assertThat(config.applicationServer()).isEqualTo("localhost:9000");
    }

    @Test
    void unknownProcessingGuaranteeIsRejectedNamingTheVariable() {
        assertThatThrownBy(() -> AppConfig.from(Map.of("PROCESSING_GUARANTEE", "exactly_once")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PROCESSING_GUARANTEE").hasMessageContaining("exactly_once");
    }

    @Test
    void stateStoresAreRocksDbUnlessInMemoryIsAskedFor() {
        assertThat(AppConfig.from(Map.of()).stateStores()).isEqualTo(AppConfig.StateStores.ROCKSDB);
        var inMemory = AppConfig.from(Map.of("STATE_STORES", "in-memory"));
        assertThat(inMemory.stateStores()).isEqualTo(AppConfig.StateStores.IN_MEMORY);
        assertThat(StreamsProperties.topologySettings(inMemory, 6, 6).storeType())
                .isEqualTo(com.cmobile.ecosystem.app.topology.TopologySettings.StoreType.IN_MEMORY);
        assertThatThrownBy(() -> AppConfig.from(Map.of("STATE_STORES", "disk")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("STATE_STORES").hasMessageContaining("disk");
    }

    @Test
    void nonNumericValueIsRejectedNamingTheVariable() {
        assertThatThrownBy(() -> AppConfig.from(Map.of("NUM_STANDBY_REPLICAS", "two")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NUM_STANDBY_REPLICAS").hasMessageContaining("two");
    }

    @Test
    void futureToleranceBeyondWhatTheBrokerAcceptsIsRejected() {
        assertThatThrownBy(() -> AppConfig.from(Map.of("FUTURE_TOLERANCE_MS", String.valueOf(Duration.ofHours(2).toMillis()))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FUTURE_TOLERANCE_MS");
    }

    @Test
    void applicationServerMustBeHostAndPort() {
        assertThatThrownBy(() -> AppConfig.from(Map.of("APPLICATION_SERVER", "just-a-host")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("APPLICATION_SERVER");
    }

    @Test
    void livenessStallBoundIsAMinuteUnlessSet() {
        assertThat(AppConfig.defaults().livenessStall()).isEqualTo(Duration.ofSeconds(60));
        assertThat(AppConfig.from(Map.of("LIVENESS_STALL_MS", "1500")).livenessStall()).isEqualTo(Duration.ofMillis(1500));
        assertThat(AppConfig.from(Map.of("liveness.stall.ms", "2000")).livenessStall()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void livenessStallBoundMustBeAPositiveNumber() {
        assertThatThrownBy(() -> AppConfig.from(Map.of("LIVENESS_STALL_MS", "0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LIVENESS_STALL_MS");
        assertThatThrownBy(() -> AppConfig.from(Map.of("LIVENESS_STALL_MS", "soon")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LIVENESS_STALL_MS");
    }

    @Test
    void aHeartbeatSlowerThanAThirdOfTheSessionIsRefused() {
        assertThatThrownBy(() -> AppConfig.from(Map.of("SESSION_TIMEOUT_MS", "6000", "HEARTBEAT_INTERVAL_MS", "2500")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("HEARTBEAT_INTERVAL_MS (2500) must be at most a third of SESSION_TIMEOUT_MS (6000)");
    }

    @Test
    void aTransactionTimeoutNoLongerThanTheCommitIntervalIsRefused() {
        assertThatThrownBy(() -> AppConfig.from(Map.of("COMMIT_INTERVAL_MS", "5000", "TRANSACTION_TIMEOUT_MS", "5000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TRANSACTION_TIMEOUT_MS (5000) must be longer than COMMIT_INTERVAL_MS (5000)");
    }

    @Test
    void probingRebalancesNoMoreOftenThanKafkaStreamsAllows() {
        assertThatThrownBy(() -> AppConfig.from(Map.of("PROBING_REBALANCE_INTERVAL_MS", "59999")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PROBING_REBALANCE_INTERVAL_MS");
        assertThat(AppConfig.defaults().acceptableRecoveryLag()).isEqualTo(100L);
        assertThat(AppConfig.defaults().transactionTimeout()).isEqualTo(java.time.Duration.ofSeconds(10));
    }

    @Test
    void registryCredentialsAreOffByDefault() {
        assertThat(AppConfig.defaults().schemaRegistryCredentials()).isEmpty();
        assertThat(StreamsProperties.serdeConfig(AppConfig.defaults()))
                .isEqualTo(Map.of("schema.registry.url", "http://localhost:8081"));
    }

    @Test
    void registryUserInfoBecomesConfluentsUserInfoPropertiesAndIsNeverPrinted() {
        var config = AppConfig.from(Map.of("SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO", "app:s3cret"));

        assertThat(StreamsProperties.serdeConfig(config)).containsEntry("basic.auth.credentials.source", "USER_INFO")
                .containsEntry("basic.auth.user.info", "app:s3cret");
        assertThat(config.toString()).doesNotContain("s3cret");
    }

    @Test
    void confluentsPrefixedNameIsTheDottedSpelling() {
        var config = AppConfig.from(Map.of("schema.registry.basic.auth.user.info", "app:s3cret"));

        assertThat(config.schemaRegistryCredentials()).containsEntry("basic.auth.user.info", "app:s3cret");
    }

    @Test
    void registryUserInfoWithoutAColonIsRejectedWithoutEchoingIt() {
        assertThatThrownBy(() -> AppConfig.from(Map.of("SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO", "token-only")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO must be user:password")
                .message().doesNotContain("token-only");
    }

    @Test
    void theApiBindsEveryInterfaceOpenAndPlainByDefault() {
        HttpSettings http = AppConfig.defaults().http();

        assertThat(http.host()).isEqualTo("0.0.0.0");
        assertThat(http.apiTokensFile()).isEmpty();
        assertThat(http.peerSecretFile()).isEmpty();
        assertThat(http.metricsPublic()).isFalse();
        assertThat(http.tls()).isFalse();
    }

    @Test
    void httpSecuritySettingsComeFromTheEnvironmentAndPasswordsStayHidden() {
        HttpSettings http = AppConfig.from(Map.of("HTTP_HOST", "127.0.0.1", "API_TOKENS_FILE", "/etc/ecosystem/tokens",
                "PEER_SECRET_FILE", "/etc/ecosystem/peer-secret", "METRICS_PUBLIC", "true",
                "HTTP_TLS_KEYSTORE", "/etc/ecosystem/api.p12", "HTTP_TLS_KEYSTORE_PASSWORD", "s3cret-pass")).http();

        assertThat(http.host()).isEqualTo("127.0.0.1");
        assertThat(http.apiTokensFile()).contains(java.nio.file.Path.of("/etc/ecosystem/tokens"));
        assertThat(http.metricsPublic()).isTrue();
        assertThat(http.tls()).isTrue();
        assertThat(http.tlsKeystore().orElseThrow().password().value()).isEqualTo("s3cret-pass");
        assertThat(http.toString()).doesNotContain("s3cret-pass");
    }

    @Test
    void tokensWithoutAPeerSecretAreRejectedBecauseInternalRoutesWouldBeOpen() {
        assertThatThrownBy(() -> AppConfig.from(Map.of("API_TOKENS_FILE", "/etc/ecosystem/tokens")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("API_TOKENS_FILE is set but PEER_SECRET_FILE is not");
    }

    @Test
    void aTruststoreWithoutAKeystoreIsRejected() {
        assertThatThrownBy(() -> AppConfig.from(Map.of("HTTP_TLS_TRUSTSTORE", "/etc/ecosystem/trust.p12")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("HTTP_TLS_TRUSTSTORE is set but HTTP_TLS_KEYSTORE is not");
    }
}
