package com.cmobile.ecosystem.testkit.broker;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The secure mode of the embedded broker: clients connect with {@code SASL_SSL} and SCRAM-SHA-512,
 * Kafka's {@code StandardAuthorizer} decides with ACLs, and nobody may do anything without one
 * ({@code allow.everyone.if.no.acl.found=false}) except the super users.
 *
 * <p>A second client listener takes {@code SSL} with a client certificate signed by the generated
 * CA (mutual TLS); its principal is {@code User:CN=<common name>}, authorized by ACLs like any other.
 *
 * <p>The broker talks to itself (inter-broker and controller listeners) over TLS with its own
 * certificate, whose principal ({@value #BROKER_PRINCIPAL}) is a super user; those listeners
 * require a client certificate signed by the generated CA, so a client without one cannot use them.
 *
 * @param users        SCRAM users written into the storage when it is formatted; a restart on an
 *                     existing data directory keeps the users it was formatted with
 * @param superUsers   names of {@code users} that bypass ACLs (an administrator)
 * @param tlsDirectory where the CA, the broker's keystore and their password are generated (or
 *                     found, on a restart); empty means a temporary directory deleted on close. Never
 *                     inside the data directory: Kafka takes every directory there for a partition.
 * @param plainToo     also offer SASL {@code PLAIN} (over the same TLS listener, same users and
 *                     passwords) to clients that cannot do SCRAM with Kafka 4: librdkafka before
 *                     2.6.1 (Debian 12's {@code python3-confluent-kafka}, {@code kcat}) sends a
 *                     client-final nonce Kafka 4 rejects (confluentinc/librdkafka#4895)
 * @param saslPlaintext also serve {@code SASL_PLAINTEXT} (SCRAM-SHA-512 without TLS) on a port of its
 *                     own, for clients on a trusted network; off unless asked for
 */
public record BrokerSecurity(List<ScramUser> users, Set<String> superUsers, Optional<Path> tlsDirectory,
                             boolean plainToo, boolean saslPlaintext) {

    public static final String SCRAM_MECHANISM = "SCRAM-SHA-512";
    /** The principal of the broker's own certificate (inter-broker and controller connections). */
    public static final String BROKER_PRINCIPAL = "User:" + TlsMaterial.BROKER_DISTINGUISHED_NAME;

    public BrokerSecurity {
        users = List.copyOf(Objects.requireNonNull(users, "users"));
        superUsers = Set.copyOf(Objects.requireNonNull(superUsers, "superUsers"));
        Objects.requireNonNull(tlsDirectory, "tlsDirectory");
        Set<String> names = users.stream().map(ScramUser::name).collect(Collectors.toSet());
        if (names.size() != users.size()) {
            throw new IllegalArgumentException("SCRAM user names must be unique: " + users);
        }
        if (!names.containsAll(superUsers)) {
            throw new IllegalArgumentException("super users " + superUsers + " must be among the SCRAM users " + names);
        }
    }

    /** {@code users}, of which {@code superUser} bypasses ACLs, TLS material in a temporary directory. */
    public static BrokerSecurity of(ScramUser superUser, List<ScramUser> others) {
        var all = new ArrayList<ScramUser>();
        all.add(superUser);
        all.addAll(others);
        return new BrokerSecurity(all, Set.of(superUser.name()), Optional.empty(), false, false);
    }

    /** Keeps the CA and the broker's keystore in {@code directory}, so a restart reuses them. */
    public BrokerSecurity withTlsDirectory(Path directory) {
        return new BrokerSecurity(users, superUsers, Optional.of(directory), plainToo, saslPlaintext);
    }

    /** Also offers SASL PLAIN, for librdkafka-based clients older than 2.6.1 (see {@link #plainToo()}). */
    public BrokerSecurity withPlainForOldLibrdkafka() {
        return new BrokerSecurity(users, superUsers, tlsDirectory, true, saslPlaintext);
    }

    /** Also serves {@code SASL_PLAINTEXT} with SCRAM-SHA-512 (see {@link #saslPlaintext()}). */
    public BrokerSecurity withSaslPlaintextListener() {
        return new BrokerSecurity(users, superUsers, tlsDirectory, plainToo, true);
    }

    /** The user called {@code name}. */
    public ScramUser user(String name) {
        return users.stream().filter(user -> user.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no SCRAM user " + name + " in " + users));
    }

    /** The formatter's {@code --add-scram} arguments, one per user. */
    List<String> formatterArguments() {
        return users.stream().map(ScramUser::formatterArgument).toList();
    }

    static final String CLIENT_LISTENER = "SASL_SSL";
    static final String CERTIFICATE_LISTENER = "MTLS";
    static final String SASL_PLAINTEXT_LISTENER = "SASL_PLAINTEXT";
    static final String INTERNAL_LISTENER = "INTERNAL";

    /** The ports of the secure mode's listeners besides the controller's; {@code saslPlaintext} 0 when off. */
    record Ports(int sasl, int certificate, int internal, int saslPlaintext) {
    }

    /**
     * Broker properties that replace the PLAINTEXT listener: SASL_SSL for clients on {@code port},
     * mutual TLS for the broker's own connections on {@code internalPort} and on the controller
     * listener, and the authorizer.
     */
    Map<String, String> brokerProperties(Ports ports, int controllerPort, TlsMaterial tls) {
        var p = new LinkedHashMap<String, String>();
        String controller = NodeProperties.CONTROLLER_LISTENER;
        String advertised = CLIENT_LISTENER + "://127.0.0.1:" + ports.sasl() + "," + CERTIFICATE_LISTENER + "://127.0.0.1:"
                + ports.certificate() + "," + INTERNAL_LISTENER + "://127.0.0.1:" + ports.internal();
        String protocols = CLIENT_LISTENER + ":SASL_SSL," + CERTIFICATE_LISTENER + ":SSL," + INTERNAL_LISTENER + ":SSL,"
                + controller + ":SSL";
        if (saslPlaintext) {
            advertised += "," + SASL_PLAINTEXT_LISTENER + "://127.0.0.1:" + ports.saslPlaintext();
            protocols += "," + SASL_PLAINTEXT_LISTENER + ":SASL_PLAINTEXT";
            // SCRAM only: PLAIN would send the password in the clear here.
            p.put("listener.name.sasl_plaintext.sasl.enabled.mechanisms", SCRAM_MECHANISM);
            p.put("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        }
        p.put("listeners", advertised + "," + controller + "://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", advertised);
        p.put("listener.security.protocol.map", protocols);
        p.put("inter.broker.listener.name", INTERNAL_LISTENER);
        p.put("sasl.enabled.mechanisms", plainToo ? SCRAM_MECHANISM + ",PLAIN" : SCRAM_MECHANISM);
        p.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        if (plainToo) {
            p.put("listener.name.sasl_ssl.plain.sasl.jaas.config", users.stream()
                    .map(user -> "user_" + user.name() + "=\"" + user.password() + "\"")
                    .collect(Collectors.joining(" ", "org.apache.kafka.common.security.plain.PlainLoginModule required ",
                            ";")));
        }
        p.put("ssl.keystore.type", "PKCS12");
        p.put("ssl.keystore.location", tls.brokerKeystore().toString());
        p.put("ssl.keystore.password", tls.storePassword());
        p.put("ssl.key.password", tls.storePassword());
        p.put("ssl.truststore.type", "PEM");
        p.put("ssl.truststore.location", tls.caCertificate().toString());
        p.put("listener.name.internal.ssl.client.auth", "required");
        p.put("listener.name.mtls.ssl.client.auth", "required");
        p.put("listener.name.controller.ssl.client.auth", "required");
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("allow.everyone.if.no.acl.found", "false");
        p.put("super.users", superUsers.stream().sorted().map(name -> "User:" + name)
                .collect(Collectors.joining(";", BROKER_PRINCIPAL + ";", "")));
        return p;
    }
}
