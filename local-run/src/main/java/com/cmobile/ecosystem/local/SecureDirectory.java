package com.cmobile.ecosystem.local;

import com.cmobile.ecosystem.app.http.ApiTokens;
import com.cmobile.ecosystem.app.http.NewApiToken;
import com.cmobile.ecosystem.app.http.Scope;
import com.cmobile.ecosystem.registry.server.RegistryUsers;
import com.cmobile.ecosystem.testkit.broker.BrokerSecurity;
import com.cmobile.ecosystem.testkit.broker.ClientProperties;
import com.cmobile.ecosystem.testkit.broker.ScramCredentials;
import com.cmobile.ecosystem.testkit.broker.TlsMaterial;
import com.cmobile.ecosystem.testkit.broker.ScramUser;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * What {@code --secure} generates into {@code <data-dir>/secure/} at the first start and reuses at
 * every later one, readable by its owner only:
 *
 * <ul>
 *   <li>{@code kafka-users.properties}: the SCRAM passwords of {@value #ADMIN} (super user: the
 *       launcher's own admin client), {@value #APP}, {@value #PARTNER}, {@value #OPERATOR} and
 *       {@value #REGISTRY}. The broker gets its users when its storage is formatted, so a restart on
 *       the same data must log in with the same passwords;</li>
 *   <li>{@code ca.pem}, {@code ca.p12}, {@code broker.p12}, {@code store.password}: the CA and the
 *       broker's certificate ({@code TlsMaterial}, made by the broker at its first start), here and
 *       not under {@code kafka/}, where the broker takes every directory for a partition;</li>
 *   <li>{@code registry-credentials.properties} and {@code registry-users}: the registry's basic-auth
 *       passwords of {@value #APP} ({@code read}) and {@value #PARTNER} ({@code write}: its serializer
 *       registers the schemas), and the users file with their hashes;</li>
 *   <li>{@code api-token} (a token with the scopes {@code read} and {@code metrics}),
 *       {@code api-tokens} (only its hash: the app's {@code API_TOKENS_FILE}) and {@code peer-secret}
 *       ({@code PEER_SECRET_FILE});</li>
 *   <li>{@code partner-demo.properties} and {@code partner-demo.librdkafka.properties}, the demo
 *       partner's client settings, rewritten at every start with the current ports.</li>
 * </ul>
 */
final class SecureDirectory {

    static final String ADMIN = "admin";
    static final String APP = "app";
    static final String PARTNER = "partner-demo";
    static final String OPERATOR = "operator";
    static final String REGISTRY = "registry";

    static final String KAFKA_USERS = "kafka-users.properties";
    static final String REGISTRY_CREDENTIALS = "registry-credentials.properties";
    static final String REGISTRY_USERS = "registry-users";
    static final String API_TOKEN = "api-token";
    static final String API_TOKENS = "api-tokens";
    static final String PEER_SECRET = "peer-secret";
    static final String PARTNER_PROPERTIES = PARTNER + ".properties";
    static final String PARTNER_LIBRDKAFKA_PROPERTIES = PARTNER + ".librdkafka.properties";
    static final String CA_CERTIFICATE = "ca.pem";

    private static final List<String> KAFKA_USER_NAMES = List.of(ADMIN, APP, PARTNER, OPERATOR, REGISTRY);
    private static final Map<String, RegistryUsers.Role> REGISTRY_ROLES = Map.of(
            APP, RegistryUsers.Role.READ, PARTNER, RegistryUsers.Role.WRITE);

    private final Path directory;
    private final List<ScramUser> kafkaUsers;
    private final Map<String, String> registryPasswords;

    private SecureDirectory(Path directory, List<ScramUser> kafkaUsers, Map<String, String> registryPasswords) {
        this.directory = directory;
        this.kafkaUsers = kafkaUsers;
        this.registryPasswords = registryPasswords;
    }

    /** Whether an earlier {@code --secure} start left its credentials in {@code directory}. */
    static boolean existsIn(Path directory) {
        return Files.exists(directory.resolve(KAFKA_USERS));
    }

    /**
     * The credentials in {@code directory}: those an earlier start generated, the missing ones
     * generated now. The broker's certificate is left to the broker's first start.
     */
    static SecureDirectory prepare(Path directory) {
        try {
            createOwnerOnlyDirectory(directory);
            List<ScramUser> users = ScramCredentials.loadOrCreate(directory.resolve(KAFKA_USERS), KAFKA_USER_NAMES);
            Map<String, String> registryPasswords = registryPasswords(directory);
            var secure = new SecureDirectory(directory, users, registryPasswords);
            if (!Files.exists(directory.resolve(API_TOKEN)) || !Files.exists(directory.resolve(API_TOKENS))) {
                String token = NewApiToken.newToken();
                TlsMaterial.writeOwnerOnly(directory.resolve(API_TOKENS), "# bearer tokens of the local run's API (hashes only)\n"
                        + ApiTokens.line("local-run", token, EnumSet.of(Scope.READ, Scope.METRICS)) + "\n");
                TlsMaterial.writeOwnerOnly(directory.resolve(API_TOKEN), token + "\n");
            }
            if (!Files.exists(directory.resolve(PEER_SECRET))) {
                TlsMaterial.writeOwnerOnly(directory.resolve(PEER_SECRET), NewApiToken.newToken() + "\n");
            }
            return secure;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the secure run's files in " + directory, e);
        }
    }

    Path directory() {
        return directory;
    }

    Path file(String name) {
        return directory.resolve(name);
    }

    /**
     * The broker's secure mode: its SCRAM users, {@value #ADMIN} a super user, the TLS material
     * here, and SASL PLAIN beside SCRAM on the same TLS listener for librdkafka before 2.6.1
     * ({@code kcat} and Confluent's Python client as Debian 12 ships them).
     */
    BrokerSecurity brokerSecurity() {
        return new BrokerSecurity(kafkaUsers, Set.of(ADMIN), Optional.of(directory), false, false)
                .withPlainForOldLibrdkafka();
    }

    /** {@code name:password} for the registry's basic auth. */
    String registryUserInfo(String name) {
        String password = registryPasswords.get(name);
        if (password == null) {
            throw new IllegalArgumentException("no registry user " + name);
        }
        return name + ":" + password;
    }

    /** The registry's basic-auth settings of {@code name}, as Confluent's serializers read them. */
    Map<String, String> registryClientProperties(String name) {
        return Map.of("basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", registryUserInfo(name));
    }

    Path registryUsersFile() {
        return directory.resolve(REGISTRY_USERS);
    }

    ScramUser kafkaUser(String name) {
        return kafkaUsers.stream().filter(user -> user.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no Kafka user " + name));
    }

    /**
     * Writes the demo partner's client files for the broker and registry as they run now:
     * {@code partner-demo.properties} with the Java client names (Kafka's, plus the registry's
     * {@code schema.registry.url} and {@code basic.auth.*}), and {@code partner-demo.librdkafka.properties}
     * with librdkafka's names ({@code kcat -F}), whose mechanism is PLAIN: librdkafka before 2.6.1
     * cannot finish SCRAM with Kafka 4 (confluentinc/librdkafka#4895).
     *
     * @param kafkaClientProperties the partner's Kafka client settings, {@code bootstrap.servers} included
     */
    void writePartnerFiles(Map<String, String> kafkaClientProperties, String registryUrl) {
        var java = new TreeMap<>(kafkaClientProperties);
        java.put("schema.registry.url", registryUrl);
        java.putAll(registryClientProperties(PARTNER));
        ClientProperties.write(java, file(PARTNER_PROPERTIES), "Client settings of the demo partner "
                + "(Kafka: SASL_SSL, SCRAM-SHA-512; schema registry: basic auth): keep this file secret");
        ScramUser partner = kafkaUser(PARTNER);
        var librdkafka = new LinkedHashMap<String, String>();
        librdkafka.put("bootstrap.servers", kafkaClientProperties.get("bootstrap.servers"));
        librdkafka.put("security.protocol", "SASL_SSL");
        librdkafka.put("sasl.mechanism", "PLAIN");
        librdkafka.put("sasl.username", partner.name());
        librdkafka.put("sasl.password", partner.password());
        librdkafka.put("ssl.ca.location", file(CA_CERTIFICATE).toAbsolutePath().toString());
        ClientProperties.write(librdkafka, file(PARTNER_LIBRDKAFKA_PROPERTIES), "librdkafka settings of the demo "
                + "partner (kcat -F): PLAIN over TLS, since librdkafka before 2.6.1 cannot do SCRAM with Kafka 4; "
                + "with 2.6.1 or later use sasl.mechanism=SCRAM-SHA-512. Keep this file secret");
    }

    /**
     * Makes the broker's key stores ({@code ca.p12} with the CA's private key, {@code broker.p12})
     * owner-only too, once the broker's first start has generated them; the directory already is.
     */
    void restrictKeyStores() {
        for (String name : List.of("ca.p12", "broker.p12")) {
            Path store = directory.resolve(name);
            try {
                if (Files.exists(store)) {
                    Files.setPosixFilePermissions(store, PosixFilePermissions.fromString("rw-------"));
                }
            } catch (UnsupportedOperationException e) {
                return; // not a POSIX file system: the directory's own protection is all there is
            } catch (IOException e) {
                throw new UncheckedIOException("cannot restrict the permissions of " + store, e);
            }
        }
    }

    /** The registry's passwords, generated once; the users file (hashes) rewritten whenever one was generated. */
    private static Map<String, String> registryPasswords(Path directory) throws IOException {
        Path file = directory.resolve(REGISTRY_CREDENTIALS);
        var stored = new TreeMap<String, String>();
        if (Files.exists(file)) {
            var properties = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(in);
            }
            properties.stringPropertyNames().forEach(name -> stored.put(name, properties.getProperty(name)));
        }
        boolean added = false;
        for (String name : REGISTRY_ROLES.keySet()) {
            if (!stored.containsKey(name)) {
                stored.put(name, NewApiToken.newToken());
                added = true;
            }
        }
        Path usersFile = directory.resolve(REGISTRY_USERS);
        if (added) {
            var text = new StringBuilder("# schema registry basic-auth passwords (name=password): keep this file secret\n");
            stored.forEach((name, password) -> text.append(name).append('=').append(password).append('\n'));
            TlsMaterial.writeOwnerOnly(file, text.toString());
        }
        if (added || !Files.exists(usersFile)) {
            var lines = new StringBuilder("# schema registry users of the local run (name:role:hash)\n");
            new TreeMap<>(REGISTRY_ROLES).forEach((name, role) ->
                    lines.append(RegistryUsers.line(name, role, stored.get(name).toCharArray())).append('\n'));
            TlsMaterial.writeOwnerOnly(usersFile, lines.toString());
        }
        return Map.copyOf(stored);
    }

    private static void createOwnerOnlyDirectory(Path directory) throws IOException {
        if (Files.exists(directory)) {
            return;
        }
        try {
            Files.createDirectories(directory,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(directory);
        }
    }
}
