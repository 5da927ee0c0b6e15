package com.cmobile.ecosystem.testkit;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import com.cmobile.ecosystem.testkit.broker.BrokerSecurity;
import com.cmobile.ecosystem.testkit.broker.BrokerSettings;
import com.cmobile.ecosystem.testkit.broker.EmbeddedKafkaBroker;
import com.cmobile.ecosystem.testkit.topics.ProvisionedTopics;
import com.cmobile.ecosystem.testkit.topics.TopicProvisioner;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;

/**
 * What a broker-backed test gets from {@link EmbeddedKafkaExtension}: a running embedded KRaft
 * broker, shared by every test in the JVM, and the schema registry of the one
 * {@link SchemaRegistryProvider} on the test class path (the registry module's test-jar brings the
 * real server), if there is one.
 *
 * <p>Because the broker is shared, tests isolate themselves with fresh names
 * ({@link #uniqueName(String)}) rather than by restarting it.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final String SCHEMA_REGISTRY_URL = "schema.registry.url";

    private final EmbeddedKafkaBroker broker;
    private final Admin admin;
    private final Optional<String> schemaRegistryUrl;
    private final List<AutoCloseable> closeInReverse;
    private final Map<String, String> adminSecurity;
    private final AtomicBoolean closed = new AtomicBoolean(false);

    private EmbeddedKafka(EmbeddedKafkaBroker broker, Admin admin, Optional<String> schemaRegistryUrl,
                          List<AutoCloseable> closeInReverse, Map<String, String> adminSecurity) {
        this.broker = broker;
        this.adminSecurity = adminSecurity;
        this.admin = admin;
        this.schemaRegistryUrl = schemaRegistryUrl;
        this.closeInReverse = closeInReverse;
    }

    /**
     * Starts a broker, and a registry when a provider is on the class path, that the caller closes.
     * Jupiter tests get the JVM-wide one from {@link EmbeddedKafkaExtension} instead; jqwik
     * properties, which do not run Jupiter extensions, start their own here.
     */
    public static EmbeddedKafka start() {
        return start(BrokerSettings.defaults());
    }

    /**
     * A broker in its secure mode ({@code SASL_SSL}, SCRAM users, ACLs: see {@link BrokerSecurity}),
     * which the caller closes. Its admin client, {@link #producerProperties()},
     * {@link #consumerProperties(String)} and the registry connect as the first super user; other
     * users connect with {@link #clientProperties(String)}. Not shared: every secure test class
     * starts its own.
     */
    public static EmbeddedKafka startSecure(BrokerSecurity security) {
        if (security.superUsers().isEmpty()) {
            throw new IllegalArgumentException("the secure kit needs a super user to create topics and ACLs");
        }
        return start(BrokerSettings.defaults().withSecurity(security));
    }

    private static EmbeddedKafka start(BrokerSettings settings) {
        Optional<SchemaRegistryProvider> provider = schemaRegistryProvider();
        var broker = EmbeddedKafkaBroker.start(settings);
        try {
            Map<String, String> adminSecurity = settings.security()
                    .map(security -> security.users().stream()
                            .filter(user -> security.superUsers().contains(user.name())).findFirst().orElseThrow())
                    .map(superUser -> broker.securityProperties(superUser.name()))
                    .orElse(Map.of());
            var adminProperties = new HashMap<String, Object>(adminSecurity);
            adminProperties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            var admin = Admin.create(adminProperties);
            if (provider.isEmpty()) {
                return new EmbeddedKafka(broker, admin, Optional.empty(), List.of(broker, admin), adminSecurity);
            }
            SchemaRegistryProvider.Running registry = provider.get().start(broker.bootstrapServers(),
                    Map.copyOf(adminSecurity));
            return new EmbeddedKafka(broker, admin, Optional.of(registry.url()), List.of(broker, admin, registry),
                    adminSecurity);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    private static Optional<SchemaRegistryProvider> schemaRegistryProvider() {
        List<SchemaRegistryProvider> found = ServiceLoader.load(SchemaRegistryProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .toList();
        if (found.size() > 1) {
            throw new IllegalStateException("More than one SchemaRegistryProvider on the class path, keep one: "
                    + found.stream().map(provider -> provider.getClass().getName()).toList());
        }
        return found.stream().findFirst();
    }

    /**
     * For {@code bootstrap.servers}: the comma-separated {@code host:port} list of every broker of the
     * embedded cluster. One broker today; callers that treat it as a list keep working with more.
     */
    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /**
     * URL for {@code schema.registry.url}.
     *
     * @throws IllegalStateException when no {@link SchemaRegistryProvider} is on the class path
     */
    public String schemaRegistryUrl() {
        return schemaRegistryUrl.orElseThrow(() -> new IllegalStateException(
                "No schema registry: no " + SchemaRegistryProvider.class.getName() + " on the test class path. "
                        + "Add the registry's test-jar, which starts the real server: <dependency><groupId>com.cmobile.ecosystem"
                        + "</groupId><artifactId>registry</artifactId><type>test-jar</type><scope>test</scope></dependency>"));
    }

    /** The running broker: its TLS material and users in the secure mode. */
    public EmbeddedKafkaBroker broker() {
        return broker;
    }

    /**
     * Client settings ({@code bootstrap.servers}, {@code security.protocol}, {@code sasl.*},
     * {@code ssl.truststore.*}) of SCRAM user {@code userName} of a secure kit.
     */
    public Map<String, Object> clientProperties(String userName) {
        return new HashMap<>(broker.clientProperties(userName));
    }

    /** A shared admin client; do not close it. */
    public Admin adminClient() {
        return admin;
    }

    /** How long the broker took to start (the first start in a JVM pays for class loading). */
    public Duration brokerStartupTime() {
        return broker.startupTime();
    }

    /**
     * Creates a topic with infinite retention (so old event timestamps survive), or leaves an
     * existing one alone.
     */
    public void createTopic(String name, int partitions) {
        var topic = new NewTopic(name, partitions, (short) 1)
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"));
        new TopicProvisioner(admin).provision(List.of(topic));
    }

    /** Creates each topic with one partition and infinite retention, unless it exists. */
    public void createTopics(String... names) {
        for (String name : names) {
            createTopic(name, 1);
        }
    }

    /**
     * The event topics (keys) and their DLQs (values), with production defaults (idempotent); the
     * pipeline's are schemas' {@code Topics.DLQ_BY_EVENT_TOPIC}.
     */
    public ProvisionedTopics provisionEventTopics(Map<String, String> dlqByEventTopic) {
        return new TopicProvisioner(admin).provisionEventTopics(dlqByEventTopic);
    }

    /** {@code prefix-<random>}: a topic, group or application id no other test uses. */
    public String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Idempotent producer settings (a super user's, in the secure mode) plus the registry URL, if any; a mutable copy to add serializers to. */
    public Map<String, Object> producerProperties() {
        var props = new HashMap<String, Object>(adminSecurity);
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        schemaRegistryUrl.ifPresent(url -> props.put(SCHEMA_REGISTRY_URL, url));
        return props;
    }

    /** Consumer settings reading from the beginning, committed records only, plus the registry URL, if any. */
    public Map<String, Object> consumerProperties(String groupId) {
        var props = new HashMap<String, Object>(adminSecurity);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        schemaRegistryUrl.ifPresent(url -> props.put(SCHEMA_REGISTRY_URL, url));
        return props;
    }

    /** Closed once: by JUnit when the root extension context closes at the end of the run, or by its starter. */
    @Override
    public void close() throws Exception {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Exception failure = null;
        for (int i = closeInReverse.size() - 1; i >= 0; i--) {
            try {
                closeInReverse.get(i).close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
