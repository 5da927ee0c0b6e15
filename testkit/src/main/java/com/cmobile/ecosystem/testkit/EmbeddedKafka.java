package com.cmobile.ecosystem.testkit;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

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
    private final AtomicBoolean closed = new AtomicBoolean(false);

    private EmbeddedKafka(EmbeddedKafkaBroker broker, Admin admin, Optional<String> schemaRegistryUrl,
                          List<AutoCloseable> closeInReverse) {
        this.broker = broker;
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
        Optional<SchemaRegistryProvider> provider = schemaRegistryProvider();
        var broker = EmbeddedKafkaBroker.start(BrokerSettings.defaults());
        try {
            var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
            if (provider.isEmpty()) {
                return new EmbeddedKafka(broker, admin, Optional.empty(), List.of(broker, admin));
            }
            SchemaRegistryProvider.Running registry = provider.get().start(broker.bootstrapServers());
            return new EmbeddedKafka(broker, admin, Optional.of(registry.url()), List.of(broker, admin, registry));
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

    /** Idempotent producer settings plus the registry URL, if any; a mutable copy to add serializers to. */
    public Map<String, Object> producerProperties() {
        var props = new HashMap<String, Object>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        schemaRegistryUrl.ifPresent(url -> props.put(SCHEMA_REGISTRY_URL, url));
        return props;
    }

    /** Consumer settings reading from the beginning, committed records only, plus the registry URL, if any. */
    public Map<String, Object> consumerProperties(String groupId) {
        var props = new HashMap<String, Object>();
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
