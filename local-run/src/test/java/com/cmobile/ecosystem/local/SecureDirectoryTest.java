package com.cmobile.ecosystem.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.cmobile.ecosystem.app.http.ApiTokens;
import com.cmobile.ecosystem.app.http.Scope;
import com.cmobile.ecosystem.registry.server.RegistryUsers;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecureDirectoryTest {

    @TempDir
    Path data;

    @Test
    void firstStartGeneratesEveryCredentialReadableByItsOwnerOnly() throws IOException {
        Path dir = data.resolve("secure");

        SecureDirectory.prepare(dir);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        for (String name : List.of(SecureDirectory.KAFKA_USERS, SecureDirectory.REGISTRY_CREDENTIALS,
                SecureDirectory.REGISTRY_USERS, SecureDirectory.API_TOKEN, SecureDirectory.API_TOKENS,
                SecureDirectory.PEER_SECRET)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(name))))
                    .as(name).isEqualTo("rw-------");
        }
        assertThat(load(dir.resolve(SecureDirectory.KAFKA_USERS)).keySet())
                .containsExactlyInAnyOrder("admin", "app", "partner-demo", "operator", "registry");
    }

    @Test
    void restartReusesThePasswordsAndTheToken() throws IOException {
        Path dir = data.resolve("secure");
        SecureDirectory first = SecureDirectory.prepare(dir);
        String token = Files.readString(dir.resolve(SecureDirectory.API_TOKEN));
        String secret = Files.readString(dir.resolve(SecureDirectory.PEER_SECRET));

        SecureDirectory second = SecureDirectory.prepare(dir);

        assertThat(second.kafkaUser("partner-demo").password()).isEqualTo(first.kafkaUser("partner-demo").password());
        assertThat(second.kafkaUser("app").password()).isEqualTo(first.kafkaUser("app").password());
        assertThat(second.registryUserInfo("partner-demo")).isEqualTo(first.registryUserInfo("partner-demo"));
        assertThat(Files.readString(dir.resolve(SecureDirectory.API_TOKEN))).isEqualTo(token);
        assertThat(Files.readString(dir.resolve(SecureDirectory.PEER_SECRET))).isEqualTo(secret);
    }

    @Test
    void tokensFileHoldsOnlyTheHashOfTheTokenWithReadAndMetrics() throws IOException {
        Path dir = data.resolve("secure");
        SecureDirectory.prepare(dir);
        String token = Files.readString(dir.resolve(SecureDirectory.API_TOKEN)).strip();

        ApiTokens tokens = ApiTokens.load(dir.resolve(SecureDirectory.API_TOKENS));

        assertThat(Files.readString(dir.resolve(SecureDirectory.API_TOKENS))).doesNotContain(token);
        assertThat(tokens.holderOf(token)).hasValueSatisfying(holder ->
                assertThat(holder.scopes()).containsExactlyInAnyOrder(Scope.READ, Scope.METRICS));
        assertThat(tokens.holderOf(token + "x")).isEmpty();
    }

    @Test
    void registryUsersFileNamesTheAppAndThePartnerWithoutTheirPasswords() throws IOException {
        Path dir = data.resolve("secure");
        SecureDirectory secure = SecureDirectory.prepare(dir);

        RegistryUsers users = RegistryUsers.load(secure.registryUsersFile());

        assertThat(users.names()).containsExactlyInAnyOrder("app", "partner-demo");
        String file = Files.readString(secure.registryUsersFile());
        assertThat(file).contains("app:read:", "partner-demo:write:")
                .doesNotContain(secure.registryUserInfo("app").split(":")[1])
                .doesNotContain(secure.registryUserInfo("partner-demo").split(":")[1]);
    }

    @Test
    void partnerFilesCarryKafkaAndRegistrySettingsForJavaAndPlainForLibrdkafka() throws IOException {
        Path dir = data.resolve("secure");
        SecureDirectory secure = SecureDirectory.prepare(dir);
        String password = secure.kafkaUser("partner-demo").password();

        secure.writePartnerFiles(Map.of("bootstrap.servers", "127.0.0.1:19092", "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512", "sasl.jaas.config", secure.kafkaUser("partner-demo").jaasConfig()),
                "http://127.0.0.1:18081");

        Map<String, String> java = load(dir.resolve(SecureDirectory.PARTNER_PROPERTIES));
        assertThat(java).containsEntry("bootstrap.servers", "127.0.0.1:19092")
                .containsEntry("schema.registry.url", "http://127.0.0.1:18081")
                .containsEntry("basic.auth.credentials.source", "USER_INFO")
                .containsEntry("basic.auth.user.info", secure.registryUserInfo("partner-demo"));
        Map<String, String> librdkafka = load(dir.resolve(SecureDirectory.PARTNER_LIBRDKAFKA_PROPERTIES));
        assertThat(librdkafka).containsEntry("sasl.mechanism", "PLAIN").containsEntry("sasl.username", "partner-demo")
                .containsEntry("sasl.password", password)
                .containsEntry("ssl.ca.location", dir.resolve("ca.pem").toAbsolutePath().toString());
        try (Stream<Path> files = Stream.of(dir.resolve(SecureDirectory.PARTNER_PROPERTIES),
                dir.resolve(SecureDirectory.PARTNER_LIBRDKAFKA_PROPERTIES))) {
            files.forEach(file -> assertThat(permissions(file)).isEqualTo("rw-------"));
        }
    }

    private static String permissions(Path file) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, String> load(Path file) throws IOException {
        var properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        var values = new java.util.TreeMap<String, String>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return values;
    }
}
