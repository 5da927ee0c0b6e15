package com.cmobile.ecosystem.testkit.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apache Kafka's own broker, in-process: one KRaft node that is both broker and controller,
 * listening on 127.0.0.1 only, configured for exactly-once on a single node.
 *
 * <p>Topics are never auto-created ({@code auto.create.topics.enable=false}): the event topics
 * are the system of record and are created explicitly, with their retention, by
 * {@link com.cmobile.ecosystem.testkit.topics.TopicProvisioner}.
 *
 * <p>The broker's default {@code log.message.timestamp.after.max.ms} (one hour) is kept on
 * purpose: the broker rejects records stamped further in the future, which is what a real
 * cluster does too, so producers and validation must keep future-dated events out. Records
 * stamped in the past (a 2006 backfill) are accepted; whether they survive depends only on the
 * topic's {@code retention.ms}.
 *
 * <p>With {@link BrokerSettings#withSecurity} it runs in its secure mode (see {@link BrokerSecurity}):
 * {@code SASL_SSL} with SCRAM-SHA-512 on the client port, ACLs, a CA and broker certificate generated
 * at start; {@link #clientProperties(String)} gives a user's client settings.
 *
 * <p>Start time is measured and logged at INFO; the first start in a JVM pays for class loading
 * (about 4–5 s), later ones take well under a second.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final AtomicBoolean FIRST_START_IN_JVM = new AtomicBoolean(true);
    private static final int NODE_ID = 1;

    private final KRaftNode node;
    private final int port;
    private final Path dataDirectory;
    private final boolean deleteOnClose;
    private final String clusterId;
    private final Duration startupTime;
    private final Optional<Secured> secured;
    /** The port of the mutual-TLS client listener; 0 for a PLAINTEXT broker. */
    private final int certificatePort;
    /** The port of the SASL_PLAINTEXT listener; 0 unless asked for. */
    private final int saslPlaintextPort;
    private final AtomicBoolean closed = new AtomicBoolean(false);

    private EmbeddedKafkaBroker(KRaftNode node, int port, Path dataDirectory, boolean deleteOnClose,
                                String clusterId, Duration startupTime, Optional<Secured> secured, int certificatePort,
                                int saslPlaintextPort) {
        this.node = node;
        this.port = port;
        this.dataDirectory = dataDirectory;
        this.deleteOnClose = deleteOnClose;
        this.clusterId = clusterId;
        this.startupTime = startupTime;
        this.secured = secured;
        this.certificatePort = certificatePort;
        this.saslPlaintextPort = saslPlaintextPort;
    }

    /** The secure mode's users and TLS material, and whether the TLS directory is deleted on close. */
    private record Secured(BrokerSecurity security, TlsMaterial tls, boolean temporaryTls) {
    }

    /**
     * Formats the data directory if it is new, starts the broker and returns once it accepts
     * clients (the broker is unfenced).
     */
    public static EmbeddedKafkaBroker start(BrokerSettings settings) {
        long startedAt = System.nanoTime();
        boolean temporary = settings.dataDirectory().isEmpty();
        Path dataDirectory = settings.dataDirectory()
                .orElseGet(() -> KRaftStorage.createTemporaryDirectory("embedded-kafka-"));
        Optional<Secured> secured = Optional.empty();
        try {
            secured = settings.security().map(security -> new Secured(security, TlsMaterial.createOrLoad(
                    security.tlsDirectory().orElseGet(() -> KRaftStorage.createTemporaryDirectory("embedded-kafka-tls-"))),
                    security.tlsDirectory().isEmpty()));
            List<String> scramArguments = settings.security().map(BrokerSecurity::formatterArguments).orElse(List.of());
            String clusterId = formatIfNeeded(dataDirectory, scramArguments);
            Optional<Secured> security = secured;
            Started started = KRaftNode.retryingTakenRandomPorts(settings.port() == 0, () -> {
                int port = settings.port() == 0 ? FreePorts.pick() : settings.port();
                int controllerPort = FreePorts.pick();
                Properties properties = brokerProperties(settings, dataDirectory, port, controllerPort);
                int certificatePort = security.isPresent() ? FreePorts.pick() : 0;
                int saslPlaintextPort = security.filter(s -> s.security().saslPlaintext()).isPresent() ? FreePorts.pick() : 0;
                security.ifPresent(s -> {
                    var ports = new BrokerSecurity.Ports(port, certificatePort, FreePorts.pick(), saslPlaintextPort);
                    properties.putAll(s.security().brokerProperties(ports, controllerPort, s.tls()));
                    properties.putAll(settings.brokerOverrides());
                });
                return new Started(KRaftNode.start(properties), port, certificatePort, saslPlaintextPort);
            });
            Duration startupTime = Duration.ofNanos(System.nanoTime() - startedAt);
            boolean first = FIRST_START_IN_JVM.getAndSet(false);
            LOG.info("Embedded Kafka broker started on 127.0.0.1:{} ({}) in {} ms ({} start in this JVM, {} data in {})",
                    started.port(), secured.isPresent() ? "SASL_SSL, ACLs" : "PLAINTEXT", startupTime.toMillis(),
                    first ? "first" : "later", temporary ? "temporary" : "persistent", dataDirectory);
            return new EmbeddedKafkaBroker(started.node(), started.port(), dataDirectory, temporary, clusterId, startupTime,
                    secured, started.certificatePort(), started.saslPlaintextPort());
        } catch (RuntimeException e) {
            if (temporary) {
                KRaftStorage.deleteRecursively(dataDirectory);
            }
            secured.filter(Secured::temporaryTls).ifPresent(s -> KRaftStorage.deleteRecursively(s.tls().directory()));
            throw e;
        }
    }

    private record Started(KRaftNode node, int port, int certificatePort, int saslPlaintextPort) {
    }

    /** {@code 127.0.0.1:<port>}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The KRaft cluster id, stored with the data (meta.properties) and kept across restarts. */
    public String clusterId() {
        return clusterId;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Whether clients must authenticate ({@code SASL_SSL}) and pass ACLs. */
    public boolean isSecure() {
        return secured.isPresent();
    }

    /** The CA and broker certificate of the secure mode. */
    public TlsMaterial tls() {
        return requireSecured().tls();
    }

    /**
     * What a client needs to connect as SCRAM user {@code userName}: {@code bootstrap.servers},
     * {@code security.protocol=SASL_SSL}, {@code sasl.*} and the CA as truststore.
     *
     * @throws IllegalStateException on a PLAINTEXT broker, which has no users
     */
    public Map<String, String> clientProperties(String userName) {
        Secured s = requireSecured();
        return ClientProperties.scram(bootstrapServers(), s.security().user(userName), s.tls());
    }

    /**
     * {@link #clientProperties(String)} without {@code bootstrap.servers}: the security settings alone,
     * for a client configured elsewhere with the brokers (the app's {@code KAFKA_*}, the registry).
     */
    public Map<String, String> securityProperties(String userName) {
        var security = new TreeMap<>(clientProperties(userName));
        security.remove("bootstrap.servers");
        return security;
    }

    /** {@link #clientProperties(String)} written to {@code file} (owner-readable only). */
    public Path writeClientProperties(String userName, Path file) {
        return ClientProperties.write(clientProperties(userName), file,
                "Kafka client settings of " + userName + " (SASL_SSL, SCRAM-SHA-512): keep this file secret");
    }

    /**
     * What a client needs to connect with {@code security.protocol=SSL} and a client certificate
     * {@code CN=<commonName>} (issued now by the CA, principal {@code User:CN=<commonName>}), to the
     * secure mode's mutual-TLS listener: {@code bootstrap.servers}, the keystore, the CA as truststore.
     */
    public Map<String, String> certificateClientProperties(String commonName) {
        TlsMaterial tls = requireSecured().tls();
        Path keystore = tls.issueClientKeystore(commonName);
        var p = new TreeMap<String, String>();
        p.put("bootstrap.servers", "127.0.0.1:" + certificatePort);
        p.put("security.protocol", "SSL");
        p.put("ssl.keystore.type", "PKCS12");
        p.put("ssl.keystore.location", keystore.toAbsolutePath().toString());
        p.put("ssl.keystore.password", tls.storePassword());
        p.put("ssl.key.password", tls.storePassword());
        p.put("ssl.truststore.type", "PEM");
        p.put("ssl.truststore.location", tls.caCertificate().toAbsolutePath().toString());
        return p;
    }

    /**
     * What a client needs to connect as SCRAM user {@code userName} with {@code SASL_PLAINTEXT} (no
     * TLS), to the listener {@link BrokerSecurity#withSaslPlaintextListener()} opens.
     */
    public Map<String, String> saslPlaintextClientProperties(String userName) {
        Secured s = requireSecured();
        if (saslPlaintextPort == 0) {
            throw new IllegalStateException("no SASL_PLAINTEXT listener: ask for it with BrokerSecurity.withSaslPlaintextListener()");
        }
        var p = new TreeMap<String, String>();
        p.put("bootstrap.servers", "127.0.0.1:" + saslPlaintextPort);
        p.put("security.protocol", "SASL_PLAINTEXT");
        p.put("sasl.mechanism", BrokerSecurity.SCRAM_MECHANISM);
        p.put("sasl.jaas.config", s.security().user(userName).jaasConfig());
        return p;
    }

    /** {@code 127.0.0.1:<port>} of the mutual-TLS listener (SSL with client certificates) of the secure mode. */
    public String certificateBootstrapServers() {
        requireSecured();
        return "127.0.0.1:" + certificatePort;
    }

    private Secured requireSecured() {
        return secured.orElseThrow(() -> new IllegalStateException(
                "the broker runs PLAINTEXT; start it with BrokerSettings.withSecurity(...) for users and TLS"));
    }

    /** Wall-clock time from {@link #start} until the broker accepted clients. */
    public Duration startupTime() {
        return startupTime;
    }

    /** Stops the broker and waits for it; deletes the data directory if it was temporary. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long stoppingAt = System.nanoTime();
        try {
            node.stop();
        } finally {
            if (deleteOnClose) {
                KRaftStorage.deleteRecursively(dataDirectory);
            }
            secured.filter(Secured::temporaryTls).ifPresent(s -> KRaftStorage.deleteRecursively(s.tls().directory()));
        }
        LOG.info("Embedded Kafka broker on 127.0.0.1:{} stopped in {} ms", port,
                Duration.ofNanos(System.nanoTime() - stoppingAt).toMillis());
    }

    static Properties brokerProperties(BrokerSettings settings, Path dataDirectory, int port, int controllerPort) {
        return NodeProperties.combinedNode(NODE_ID, port, controllerPort,
                NodeProperties.Quorum.singleStaticVoter(NODE_ID, controllerPort), NodeProperties.Replication.SINGLE_NODE,
                dataDirectory, settings.brokerOverrides());
    }

    /** Formats a new directory with a new cluster id, or returns the id an earlier run stored. */
    private static String formatIfNeeded(Path dataDirectory, List<String> scramArguments) {
        if (KRaftStorage.isFormatted(dataDirectory)) {
            return KRaftStorage.clusterId(dataDirectory);
        }
        String clusterId = Uuid.randomUuid().toString();
        KRaftStorage.formatForStaticQuorum(dataDirectory, NODE_ID, clusterId, scramArguments);
        return clusterId;
    }
}
