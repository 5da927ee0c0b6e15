package com.cmobile.ecosystem.local.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.cmobile.ecosystem.app.http.ApiTokens;
import com.cmobile.ecosystem.app.http.Scope;
import java.io.IOException;
import java.io.Reader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.security.auth.login.AppConfigurationEntry;
import com.sun.security.auth.login.ConfigFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docker/secure/init.sh}, the secure profile's secure-init step, run with bash and the JDK's
 * keytool into a temporary directory (its paths are variables; the storage formatter is a stub that
 * records its arguments): what each service gets, owner-only, and a second run keeping it all. The
 * script runs once for the class: its keytool calls take seconds.
 */
class SecureInitScriptTest {

    @TempDir
    static Path root;

    private static Map<String, String> environment;

    @BeforeAll
    static void runTheScriptOnce() throws Exception {
        Path formatter = root.resolve("kafka-storage.sh");
        Files.writeString(formatter, "#!/usr/bin/env bash\nprintf '%s\\n' \"$@\" > \"" + root.resolve("format-args") + "\"\n");
        formatter.toFile().setExecutable(true);
        environment = new HashMap<>();
        for (String volume : List.of("MASTER", "KAFKA", "REGISTRY", "APP", "ACLS", "PARTNER")) {
            environment.put(volume, root.resolve(volume.toLowerCase()).toString());
        }
        environment.put("KAFKA_DATA", root.resolve("kafka-data").toString());
        environment.put("KAFKA_STORAGE", formatter.toString());
        environment.put("KEYTOOL", Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        environment.put("CLUSTER_ID", ComposeFileTest.environment("secure-init").get("CLUSTER_ID"));
        run();
    }

    @Test
    void everyFileIsReadableByItsOwnerOnly() throws Exception {

        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(p -> !p.equals(root) && !p.startsWith(root.resolve("kafka-data"))
                    && !p.getFileName().toString().matches("kafka-storage.sh|format-args")).toList()) {
                String permissions = PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
                assertThat(permissions).as(root.relativize(path).toString()).isIn("rw-------", "rwx------");
            }
        }
    }

    @Test
    void brokerGetsAKeystoreForItsNamesAndAJaasFileWithEveryUser() throws Exception {
        Map<String, String> passwords = properties(root.resolve("master/kafka-users.properties"));

        var keystore = KeyStore.getInstance("PKCS12");
        String storePassword = Files.readString(root.resolve("kafka/store.password")).strip();
        try (var in = Files.newInputStream(root.resolve("kafka/broker.p12"))) {
            keystore.load(in, storePassword.toCharArray());
        }
        var certificate = (X509Certificate) keystore.getCertificate("broker");
        assertThat(certificate.getSubjectAlternativeNames()).extracting(name -> name.get(1).toString())
                .contains("kafka-secure", "localhost", "127.0.0.1");

        AppConfigurationEntry[] entries = jaas(root.resolve("kafka/kafka_server_jaas.conf"), "KafkaServer");
        assertThat(entries).extracting(AppConfigurationEntry::getLoginModuleName).containsExactly(
                "org.apache.kafka.common.security.scram.ScramLoginModule", "org.apache.kafka.common.security.plain.PlainLoginModule");
        assertThat(options(entries[0])).containsEntry("username", "admin").containsEntry("password", passwords.get("admin"));
        for (String user : List.of("admin", "app", "partner-demo", "operator", "registry")) {
            assertThat(options(entries[1])).containsEntry("user_" + user, passwords.get(user));
        }
    }

    @Test
    void storageIsFormattedWithTheScramUsersAndTheComposeClusterId() throws Exception {
        Map<String, String> passwords = properties(root.resolve("master/kafka-users.properties"));

        List<String> arguments = Files.readAllLines(root.resolve("format-args"));

        assertThat(arguments).containsSubsequence("--cluster-id", ComposeFileTest.environment("kafka-secure").get("CLUSTER_ID"))
                .contains("--ignore-formatted")
                .contains("SCRAM-SHA-512=[name=partner-demo,password=" + passwords.get("partner-demo") + "]",
                        "SCRAM-SHA-512=[name=app,password=" + passwords.get("app") + "]");
    }

    @Test
    void appGetsTheHashOfTheTokenItsKafkaLoginAndTheRegistryLogin() throws Exception {
        String token = Files.readString(root.resolve("master/host/api-token")).strip();

        ApiTokens tokens = ApiTokens.load(root.resolve("app/api-tokens"));

        assertThat(tokens.holderOf(token)).hasValueSatisfying(holder -> assertThat(holder.scopes()).contains(Scope.READ));
        assertThat(Files.readString(root.resolve("app/api-tokens"))).doesNotContain(token);
        assertThat(Files.readString(root.resolve("app/peer-secret")).strip()).hasSizeGreaterThanOrEqualTo(32);
        Map<String, String> kafka = properties(root.resolve("app/kafka.properties"));
        assertThat(kafka).doesNotContainKey("bootstrap.servers").containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("ssl.truststore.location", "/secrets/ca.pem");
        assertThat(kafka.get("sasl.jaas.config")).contains("username=\"app\"");
        assertThat(Files.readString(root.resolve("app/registry-user-info")).strip())
                .isEqualTo("app:" + properties(root.resolve("master/registry-credentials.properties")).get("app"));
    }

    @Test
    void registryRealmHoldsTheMd5OfEachPasswordWithItsRole() throws Exception {
        Map<String, String> passwords = properties(root.resolve("master/registry-credentials.properties"));

        Map<String, String> realm = properties(root.resolve("registry/users.properties"));

        assertThat(realm).containsEntry("app", "MD5:" + md5(passwords.get("app")) + ",read")
                .containsEntry("partner-demo", "MD5:" + md5(passwords.get("partner-demo")) + ",write");
        assertThat(options(jaas(root.resolve("registry/jaas.conf"), "SchemaRegistry")[0]))
                .containsEntry("file", "/secrets/users.properties");
        assertThat(Files.readString(root.resolve("registry/kafka-jaas"))).contains("username=\"registry\"");
    }

    @Test
    void partnerFilesReachTheBrokerAndRegistryFromTheNetworkAndFromTheHost() throws Exception {

        Map<String, String> inside = properties(root.resolve("partner/partner-demo.properties"));
        Map<String, String> host = properties(root.resolve("master/host/partner-demo.properties"));
        Map<String, String> kcat = properties(root.resolve("master/host/partner-demo.librdkafka.properties"));

        assertThat(inside).containsEntry("bootstrap.servers", "kafka-secure:9092")
                .containsEntry("schema.registry.url", "http://schema-registry-secure:8081")
                .containsEntry("basic.auth.credentials.source", "USER_INFO");
        assertThat(host).containsEntry("bootstrap.servers", "localhost:19093")
                .containsEntry("schema.registry.url", "http://localhost:8082");
        assertThat(kcat).containsEntry("sasl.mechanism", "PLAIN").containsEntry("sasl.username", "partner-demo")
                .containsEntry("sasl.password", properties(root.resolve("master/kafka-users.properties")).get("partner-demo"));
        assertThat(properties(root.resolve("acls/admin.properties")).get("sasl.jaas.config")).contains("username=\"admin\"");
    }

    @Test
    void secondRunKeepsEveryCredentialAndTheCertificate() throws Exception {
        var first = new HashMap<String, String>();
        for (String file : List.of("master/kafka-users.properties", "master/registry-credentials.properties",
                "master/api-token", "master/peer-secret", "master/ca.pem", "app/api-tokens", "registry/users.properties")) {
            first.put(file, Files.readString(root.resolve(file)));
        }
        byte[] keystore = Files.readAllBytes(root.resolve("kafka/broker.p12"));

        run();

        first.forEach((file, content) -> assertThat(readQuietly(root.resolve(file))).as(file).isEqualTo(content));
        assertThat(Files.readAllBytes(root.resolve("kafka/broker.p12"))).isEqualTo(keystore);
    }

    private static void run() throws Exception {
        var builder = new ProcessBuilder("bash", RepoFiles.file("docker/secure/init.sh").toString())
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    private static AppConfigurationEntry[] jaas(Path file, String section) {
        return new ConfigFile(file.toUri()).getAppConfigurationEntry(section);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> options(AppConfigurationEntry entry) {
        return (Map<String, Object>) entry.getOptions();
    }

    private static String md5(String text) throws Exception {
        byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
        return String.format("%032x", new BigInteger(1, digest));
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A Java properties file; also reads the Jetty realm file, whose {@code name: value} lines it takes the same way. */
    private static Map<String, String> properties(Path file) throws IOException {
        var properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        var values = new HashMap<String, String>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return values;
    }
}
