package com.cmobile.ecosystem.local;

import com.cmobile.ecosystem.kafka.KafkaClientSecurity;
import com.cmobile.ecosystem.producers.acl.AclPrincipals;
import com.cmobile.ecosystem.producers.acl.EcosystemAcls;
import com.cmobile.ecosystem.registry.server.RegistryUsers;
import com.cmobile.ecosystem.testkit.broker.EmbeddedKafkaBroker;
import com.cmobile.ecosystem.testkit.broker.ScramUser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;

/**
 * Who connects as whom on the secure run ({@code --secure}), with the files of {@link SecureDirectory}
 * and the secure broker: the launcher's admin clients as {@value SecureDirectory#ADMIN} (the only
 * super user), the registry as {@value SecureDirectory#REGISTRY}, the app as {@value SecureDirectory#APP}
 * (Kafka and registry), the seed as the demo partner; the ACLs of a deployment for them.
 */
final class SecureRun {

    private static final Duration ACL_TIMEOUT = Duration.ofSeconds(30);
    /** The consumer groups the operator may read the dead letters with ({@code acls apply}'s default). */
    private static final String OPERATOR_GROUP_PREFIX = "ecosystem-operator";

    private final SecureDirectory files;
    private final EmbeddedKafkaBroker broker;

    SecureRun(SecureDirectory files, EmbeddedKafkaBroker broker) {
        this.files = files;
        this.broker = broker;
    }

    /** The launcher's admin client settings: the super user, who creates topics and ACLs. */
    Map<String, Object> adminProperties() {
        return new HashMap<>(broker.clientProperties(SecureDirectory.ADMIN));
    }

    /**
     * Before anything else connects: the broker's key stores made owner-only, the ACLs of a
     * deployment (producers' {@code acls apply}) for the app, the demo partner, the operator and the
     * registry, and the demo partner's client files for the ports of this run.
     */
    void prepare(PrintWriter out, String applicationId, String registryUrl) {
        files.restrictKeyStores();
        var principals = new AclPrincipals(Optional.of(principal(SecureDirectory.APP)),
                List.of(principal(SecureDirectory.PARTNER)), Optional.of(principal(SecureDirectory.OPERATOR)),
                Optional.of(principal(SecureDirectory.REGISTRY)), applicationId, OPERATOR_GROUP_PREFIX,
                AclPrincipals.TopicNames.defaults());
        try (Admin admin = Admin.create(adminProperties())) {
            int count = EcosystemAcls.apply(admin, principals, ACL_TIMEOUT).size();
            out.printf(Locale.ROOT, "Applied %d ACLs (app, %s, operator, registry)%n", count, SecureDirectory.PARTNER);
            out.flush();
        }
        files.writePartnerFiles(broker.clientProperties(SecureDirectory.PARTNER), registryUrl);
    }

    /** The registry's Kafka clients, as {@value SecureDirectory#REGISTRY}. */
    KafkaClientSecurity registryKafka() {
        return KafkaClientSecurity.of(broker.securityProperties(SecureDirectory.REGISTRY));
    }

    /** The registry's basic-auth users. */
    RegistryUsers registryUsers() {
        return RegistryUsers.load(files.registryUsersFile());
    }

    /**
     * Adds to the app's settings ({@code AppConfig}'s variables) its Kafka user, its registry login
     * ({@code read}), the API tokens and the peer secret. They go into this process's configuration
     * only, never into any process's environment.
     */
    void addAppSettings(Map<String, String> values) {
        ScramUser app = files.kafkaUser(SecureDirectory.APP);
        values.remove("KAFKA_CLIENT_CONFIG_FILE");
        values.put("KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
        values.put("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
        values.put("KAFKA_SASL_USERNAME", app.name());
        values.put("KAFKA_SASL_PASSWORD", app.password());
        values.put("KAFKA_SSL_TRUSTSTORE_LOCATION", broker.tls().caCertificate().toString());
        values.put("KAFKA_SSL_TRUSTSTORE_TYPE", "PEM");
        values.put("SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO", files.registryUserInfo(SecureDirectory.APP));
        values.put("API_TOKENS_FILE", files.file(SecureDirectory.API_TOKENS).toString());
        values.put("PEER_SECRET_FILE", files.file(SecureDirectory.PEER_SECRET).toString());
    }

    /** What the seed publishes with: the demo partner's Kafka user and registry login. */
    Map<String, String> seedClientProperties() {
        var partner = new HashMap<>(broker.securityProperties(SecureDirectory.PARTNER));
        partner.putAll(files.registryClientProperties(SecureDirectory.PARTNER));
        return Map.copyOf(partner);
    }

    /** The generated bearer token, to ask the API for the figures. */
    String apiToken() {
        try {
            return Files.readString(files.file(SecureDirectory.API_TOKEN), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + files.file(SecureDirectory.API_TOKEN), e);
        }
    }

    /** {@code curl -s} with the token's header, read from its file by the shell (never printed). */
    String curl() {
        return "curl -s -H \"Authorization: Bearer $(cat " + files.file(SecureDirectory.API_TOKEN) + ")\" ";
    }

    /** Where the generated files are, and what each is for. */
    void printFiles(PrintWriter out) {
        Map<String, String> meanings = new LinkedHashMap<>();
        meanings.put(SecureDirectory.PARTNER_PROPERTIES, "the demo partner's Kafka and registry settings "
                + "(producers.jar --config, any Java Kafka client)");
        meanings.put(SecureDirectory.PARTNER_LIBRDKAFKA_PROPERTIES, "the same for kcat -F and other librdkafka clients");
        meanings.put(SecureDirectory.API_TOKEN, "a bearer token for /api/v1/* and /metrics");
        meanings.put(SecureDirectory.CA_CERTIFICATE, "the CA of the broker's certificate");
        meanings.put(SecureDirectory.KAFKA_USERS, "the SCRAM passwords of admin, app, partner-demo, operator, registry");
        meanings.put(SecureDirectory.REGISTRY_CREDENTIALS, "the registry passwords of app (read), partner-demo (write)");
        out.println("Secured: Kafka SASL_SSL with SCRAM-SHA-512 (PLAIN too, for librdkafka before 2.6.1) and ACLs, "
                + "registry with basic auth, API with bearer tokens. Credentials (keep them secret) in "
                + files.directory() + ":");
        meanings.forEach((name, meaning) -> out.printf(Locale.ROOT, "  %-36s %s%n", name, meaning));
        out.println("  e.g. java -jar producers/target/producers.jar publish pops pops.jsonl --config "
                + files.file(SecureDirectory.PARTNER_PROPERTIES));
    }

    private static String principal(String user) {
        return "User:" + user;
    }
}
