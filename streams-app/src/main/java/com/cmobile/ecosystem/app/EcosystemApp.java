package com.cmobile.ecosystem.app;

import com.cmobile.ecosystem.app.config.AppConfig;
import com.cmobile.ecosystem.app.config.HttpSettings;
import com.cmobile.ecosystem.app.config.StreamsProperties;
import com.cmobile.ecosystem.app.http.ApiAccess;
import com.cmobile.ecosystem.app.http.ApiRoutes;
import com.cmobile.ecosystem.app.http.ApiTokens;
import com.cmobile.ecosystem.app.http.HealthRoutes;
import com.cmobile.ecosystem.app.http.HttpServer;
import com.cmobile.ecosystem.app.http.InternalRoutes;
import com.cmobile.ecosystem.app.http.TlsContexts;
import com.cmobile.ecosystem.app.metrics.BusinessGauges;
import com.cmobile.ecosystem.app.metrics.DeadLetterCounter;
import com.cmobile.ecosystem.app.metrics.EcosystemMetrics;
import com.cmobile.ecosystem.app.metrics.LivenessSignals;
import com.cmobile.ecosystem.app.metrics.LivenessWatch;
import com.cmobile.ecosystem.app.metrics.StreamsHealth;
import com.cmobile.ecosystem.app.query.AllianceQueries;
import com.cmobile.ecosystem.app.query.CapacityQueries;
import com.cmobile.ecosystem.app.query.ClusterQueries;
import com.cmobile.ecosystem.app.query.HttpPeers;
import com.cmobile.ecosystem.app.query.Instance;
import com.cmobile.ecosystem.app.query.LocalReader;
import com.cmobile.ecosystem.app.query.PeerSecret;
import com.cmobile.ecosystem.app.query.StoreValueJson;
import com.cmobile.ecosystem.app.query.StreamsClusterView;
import com.cmobile.ecosystem.app.query.StreamsLocalReader;
import com.cmobile.ecosystem.app.query.TimeTravelQueries;
import com.cmobile.ecosystem.app.topology.EcosystemTopology;
import com.cmobile.ecosystem.app.topology.StoreNames;
import com.cmobile.ecosystem.app.topology.model.ModelJson;
import com.cmobile.ecosystem.validation.EventValidator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.rocksdb.RocksDB;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running instance, wired: config → serdes → topology → Kafka Streams → HTTP server (public API,
 * internal instance-to-instance endpoints, health, metrics). {@link App#main} runs one; tests and the
 * all-in-one launcher start several in one JVM (each with its own port, application.server and state
 * directory).
 */
public final class EcosystemApp implements AutoCloseable {

    /** The stores the HTTP API reads; the internal endpoints expose these and no others. */
    public static final Set<String> QUERYABLE_STORES = Set.of(
            StoreNames.POP_STATE, StoreNames.MEMBERSHIP_STATE, StoreNames.CITY_CAPACITY,
            StoreNames.BUSINESS_LOCATION_CAPACITY, StoreNames.PROGRAM_COUNTRY_ALLIANCE, StoreNames.ORGANISATION_COUNT,
            StoreNames.POP_HISTORY, StoreNames.MEMBERSHIP_HISTORY);

    private static final Logger LOG = LoggerFactory.getLogger(EcosystemApp.class);
    /** Bound on each look-up of topic metadata at start, as Kafka's clients bound theirs by default. */
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(60);

    /**
     * Settings of the query layer and of shutdown; {@link #from(AppConfig)} takes them from the
     * configuration, tests may choose their own.
     *
     * @param queryTimeout    bound on any forwarded or fanned-out query
     * @param retryAfter      what a 503 tells clients to wait
     * @param shutdownTimeout bound on {@link #stop()}
     */
    public record Options(Duration queryTimeout, Duration retryAfter, Duration shutdownTimeout) {
        private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

        public static Options from(AppConfig config) {
            return new Options(config.queryTimeout(), RETRY_AFTER, config.shutdownTimeout());
        }

        public Options {
            Objects.requireNonNull(queryTimeout, "queryTimeout");
            Objects.requireNonNull(retryAfter, "retryAfter");
            Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
        }
    }

    private final KafkaStreams streams;
    private final HttpServer http;
    private final EcosystemMetrics metrics;
    private final LivenessSignals.CommittedInputLag inputLag;
    private final Instance self;
    private final LocalReader local;
    private final Options options;
    private volatile boolean stoppedInTime = true;

    private EcosystemApp(KafkaStreams streams, HttpServer http, EcosystemMetrics metrics,
                         LivenessSignals.CommittedInputLag inputLag, Instance self, LocalReader local, Options options) {
        this.streams = streams;
        this.http = http;
        this.metrics = metrics;
        this.inputLag = inputLag;
        this.self = self;
        this.local = local;
        this.options = options;
    }

    public static EcosystemApp start(AppConfig config) {
        return start(config, Options.from(config));
    }

    /** Starts the HTTP server, then Kafka Streams (so peers can reach this instance as soon as it joins). */
    public static EcosystemApp start(AppConfig config, Options options) {
        // Files first: a bad tokens file or key store stops the start before anything else runs.
        HttpSettings httpSettings = config.http();
        Optional<ApiTokens> tokens = httpSettings.apiTokensFile().map(ApiTokens::load);
        Optional<PeerSecret> peerSecret = httpSettings.peerSecretFile().map(PeerSecret::load);
        var binding = new HttpServer.Binding(httpSettings.host(), config.httpPort(),
                httpSettings.tlsKeystore().map(TlsContexts::server));
        var peerClient = HttpPeers.defaultClient(config.peerConnectTimeout(),
                httpSettings.tls() ? Optional.of(TlsContexts.client(httpSettings.tlsTruststore())) : Optional.empty());
        Clock clock = Clock.systemUTC();
        ObjectMapper mapper = ModelJson.newMapper();
        EcosystemMetrics metrics = new EcosystemMetrics();
        DeadLetterCounter deadLetters = new DeadLetterCounter(metrics.registry());
        Topology topology = topologyForInputs(config, clock, deadLetters);
        KafkaStreams streams = new KafkaStreams(topology, StreamsProperties.of(config, deadLetters, topology));
        StreamsHealth health = new StreamsHealth(clock, 3, Duration.ofMinutes(10));
        streams.setStateListener(health);
        streams.setUncaughtExceptionHandler(health);
        var inputLag = new LivenessSignals.CommittedInputLag(streams, StreamsProperties.adminConfig(config),
                config.applicationId());
        var liveness = new LivenessWatch(clock, config.livenessStall(), LivenessSignals.jvmDeadlocks(),
                LivenessSignals.streamThreadLoops(streams), inputLag);

        Instance self = instanceOf(config.applicationServer());
        StreamsLocalReader local = new StreamsLocalReader(streams, topology.describe(), self,
                new StoreValueJson(mapper), options.retryAfter());
        ClusterQueries stores = new ClusterQueries(local,
                new HttpPeers(peerClient, mapper, config.sessionTimeout(), httpSettings.tls(), peerSecret),
                new StreamsClusterView(streams, topology.describe(), config.applicationId()),
                options.queryTimeout(), options.retryAfter());
        metrics.bindStreams(streams);
        metrics.bind(new BusinessGauges(local, mapper, clock, Duration.ofSeconds(5)));
        liveness.bindTo(metrics.registry());
        health.bindTo(metrics.registry());

        HttpServer http;
        try {
            var access = new ApiAccess(tokens, httpSettings.metricsPublic(), peerSecret);
            http = HttpServer.start(binding, access, mapper, metrics.registry(), app -> {
                new ApiRoutes(new CapacityQueries(stores, mapper), new AllianceQueries(stores, mapper),
                        new TimeTravelQueries(stores, mapper), stores, clock).register(app);
                new InternalRoutes(local, QUERYABLE_STORES).register(app);
                new HealthRoutes(() -> health.liveness(liveness::problems),
                        () -> health.readiness(() -> local.unreadable(QUERYABLE_STORES))).register(app);
            });
        } catch (RuntimeException e) {
            streams.close(Duration.ZERO);
            metrics.close();
            throw new IllegalStateException("cannot serve HTTP on " + httpSettings.host() + ":" + config.httpPort(), e);
        }
        streams.start();
        LOG.info("Instance {} started: application {}, {} on {}:{}, {}, Kafka over {}", self, config.applicationId(),
                httpSettings.tls() ? "https" : "http", httpSettings.host(), http.port(),
                tokens.map(t -> t.size() + " API token(s)").orElse("no API tokens: the API is open"),
                config.kafkaSecurity());
        return new EcosystemApp(streams, http, metrics, inputLag, self, local, options);
    }

    /**
     * The topology for the input topics as they are now, once it is sure that the state was built
     * for their partition counts (see {@link InputPartitions}).
     */
    private static Topology topologyForInputs(AppConfig config, Clock clock, DeadLetterCounter deadLetters) {
        try (Admin admin = Admin.create(StreamsProperties.adminConfig(config))) {
            InputPartitions partitions = InputPartitions.read(admin, config.popCapacityTopic(),
                    config.partnerOnboardingTopic(), METADATA_TIMEOUT);
            Topology topology = new EcosystemTopology(
                    StreamsProperties.topologySettings(config, partitions.popCapacity(), partitions.partnerOnboarding()),
                    new EventValidator(clock, config.futureTolerance()), deadLetters).build();
            partitions.requireStateBuiltFor(admin, topology.describe(), config.applicationId(),
                    config.popCapacityTopic(), config.partnerOnboardingTopic(), METADATA_TIMEOUT);
            return topology;
        }
    }

    /**
     * Loads RocksDB's native library (extracted from its jar, a few hundred milliseconds), which
     * the stream thread would otherwise do when it opens the first store of its first task. A
     * launcher with other things to start first can call this on a thread of its own meanwhile.
     */
    public static void loadNativeLibraries() {
        RocksDB.loadLibrary();
    }

    /** host:port as other instances reach this one. */
    public Instance instance() {
        return self;
    }

    public int httpPort() {
        return http.port();
    }

    public KafkaStreams streams() {
        return streams;
    }

    /**
     * The reader of this instance's own stores that its HTTP routes use, so a test can put load on
     * the query path itself, without HTTP in between.
     */
    public LocalReader localStores() {
        return local;
    }

    /**
     * Leaves the group (so the others take over at once), closes Kafka Streams within the shutdown
     * timeout, then stops serving HTTP. When Kafka Streams does not close in time (a stuck stream
     * thread), logs a dump of every thread and returns false, leaving the stuck threads behind: a
     * process should then exit with a failure status ({@link App#main} does), a test or launcher
     * decides for itself.
     *
     * @return whether Kafka Streams closed within the shutdown timeout
     */
    public boolean stop() {
        LOG.info("Instance {} closing (at most {})", self, options.shutdownTimeout());
        boolean clean = streams.close(CloseOptions.timeout(options.shutdownTimeout())
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        if (!clean) {
            LOG.error("Kafka Streams of {} did not close within {}; threads now:\n{}", self, options.shutdownTimeout(),
                    LivenessSignals.threadDump());
        }
        stoppedInTime = clean;
        http.close();
        inputLag.close();
        metrics.close();
        return clean;
    }

    /** False once a {@link #stop()} found Kafka Streams still running at its timeout (threads left behind). */
    public boolean stoppedInTime() {
        return stoppedInTime;
    }

    /** {@link #stop()}, for try-with-resources and tests; a stop that overran is logged there. */
    @Override
    public void close() {
        stop();
    }

    private static Instance instanceOf(String applicationServer) {
        int colon = applicationServer.lastIndexOf(':');
        return new Instance(applicationServer.substring(0, colon), Integer.parseInt(applicationServer.substring(colon + 1)));
    }
}
