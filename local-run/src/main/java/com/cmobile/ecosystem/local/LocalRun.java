package com.cmobile.ecosystem.local;

import com.cmobile.ecosystem.app.EcosystemApp;
import com.cmobile.ecosystem.app.config.AppConfig;
import com.cmobile.ecosystem.events.Topics;
import com.cmobile.ecosystem.kafka.KafkaClientSecurity;
import com.cmobile.ecosystem.testkit.broker.BrokerSettings;
import com.cmobile.ecosystem.testkit.broker.EmbeddedKafkaBroker;
import com.cmobile.ecosystem.registry.server.RegistryUsers;
import com.cmobile.ecosystem.registry.server.SchemaRegistryServer;
import com.cmobile.ecosystem.local.topics.CoordinatorTopics;
import com.cmobile.ecosystem.testkit.topics.EventTopicSettings;
import com.cmobile.ecosystem.testkit.topics.ProvisionedTopics;
import com.cmobile.ecosystem.testkit.topics.TopicProvisioner;
import com.cmobile.ecosystem.producers.PublisherConfig;
import com.cmobile.ecosystem.producers.simulator.SeedSimulator;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The whole pipeline in one process: the embedded KRaft broker, the schema registry, the event
 * topics, the streams application with its HTTP API, and the seed scenario published once. Prints
 * the URLs to try once the aggregates reflect the data, then runs until Ctrl-C / SIGTERM, which
 * stops the app, the registry and the broker in that order.
 *
 * <p>The app is configured exactly as in a deployment, from the environment variables of
 * {@link AppConfig}; only the addresses of the broker and registry, the HTTP port and the state
 * directory are decided here.
 */
@Command(name = "local-run", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = LocalRun.Version.class,
        description = {"Runs the whole pipeline locally in one process: Kafka (KRaft) broker, schema registry, "
                + "topics, the streams app with its HTTP API, and the seed scenario (published once per data directory).",
            "Every option can also be set by the environment variable named in its description. The streams app "
                + "reads its other settings (NUM_STREAM_THREADS, PROCESSING_GUARANTEE, ...) from the environment, "
                + "as in docker-compose."},
        footer = {"", "Stop with Ctrl-C (or SIGTERM); start again with the same --data-dir to resume."})
public final class LocalRun implements Callable<Integer> {

    /** Exit code when the run could not start. */
    public static final int FAILED = 1;

    private static final String LOGBACK_CONFIGURATION = "logback.configurationFile";
    private static final Duration COORDINATOR_HEAD_START = Duration.ofSeconds(30);

    @Spec
    private CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${env:LOCAL_DATA_DIR:-data}",
            description = "Where the broker log, the Streams state and the seed marker live; a second start on it "
                    + "resumes the same data (env LOCAL_DATA_DIR, default: ${DEFAULT-VALUE}).")
    private Path dataDir;

    @Option(names = "--fresh",
            description = "Delete what an earlier run left in the data directory (kafka/, streams/, seed-published) and start empty.")
    private boolean fresh;

    @Option(names = "--kafka-port", paramLabel = "PORT", defaultValue = "${env:LOCAL_KAFKA_PORT:-9092}",
            description = "Kafka broker port on localhost, 0 for any free port (env LOCAL_KAFKA_PORT, default: ${DEFAULT-VALUE}).")
    private int kafkaPort;

    @Option(names = "--registry-port", paramLabel = "PORT", defaultValue = "${env:LOCAL_REGISTRY_PORT:-8081}",
            description = "Schema registry port on localhost, 0 for any free port (env LOCAL_REGISTRY_PORT, default: ${DEFAULT-VALUE}).")
    private int registryPort;

    @Option(names = "--registry-users", paramLabel = "FILE", defaultValue = "${env:LOCAL_REGISTRY_USERS_FILE}",
            description = "Turn on basic auth in the schema registry for the users of FILE (lines printed by "
                    + "`java -jar registry.jar hash-password`); the app and the seed then send "
                    + "SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO, which must name a write user (env LOCAL_REGISTRY_USERS_FILE; "
                    + "default: none, the registry is open).")
    private Path registryUsersFile;

    @Option(names = "--secure", defaultValue = "${env:LOCAL_SECURE:-false}",
            description = "Run as a secured deployment: Kafka with SASL_SSL (SCRAM-SHA-512) and ACLs, the registry "
                    + "with basic auth, the API with bearer tokens. The CA, the credentials, the demo partner's client "
                    + "properties and an API token are generated into <data-dir>/secure/ at the first start and reused "
                    + "after (env LOCAL_SECURE).")
    private boolean secure;

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "${env:HTTP_PORT:-8080}",
            description = "Port of the app's HTTP API and /metrics, 0 for any free port (env HTTP_PORT, as the app itself "
                    + "reads it; default: ${DEFAULT-VALUE}).")
    private int httpPort;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "${env:TOPIC_PARTITIONS:-6}",
            description = "Partitions of the event topics when they are created; existing topics keep theirs "
                    + "(env TOPIC_PARTITIONS, default: ${DEFAULT-VALUE}).")
    private int partitions;

    @Option(names = "--ready-timeout", paramLabel = "SECONDS", defaultValue = "${env:LOCAL_READY_TIMEOUT:-120}",
            description = "How long to wait for the aggregates to reflect the data before saying so and running on "
                    + "anyway (env LOCAL_READY_TIMEOUT, default: ${DEFAULT-VALUE}).")
    private long readyTimeoutSeconds;

    private final Map<String, String> environment;
    private final LocalStack stack = new LocalStack();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile EcosystemApp app;

    /** @param environment what the app's {@link AppConfig} reads, normally {@link System#getenv()} */
    LocalRun(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public static void main(String[] args) {
        // Set before the first logger exists: a quiet terminal unless the user brings a configuration.
        if (System.getProperty(LOGBACK_CONFIGURATION) == null) {
            System.setProperty(LOGBACK_CONFIGURATION, "com/cmobile/ecosystem/local/logback-local-run.xml");
        }
        int exitCode = commandLine(System.getenv()).execute(args);
        System.exit(exitCode);
    }

    /** The command line with this launcher's error handling: one line, no stack trace, exit code 1. */
    static CommandLine commandLine(Map<String, String> environment) {
        var commandLine = new CommandLine(new LocalRun(environment));
        commandLine.setExecutionExceptionHandler((error, failed, parseResult) -> {
            failed.getErr().println("error: " + describe(error));
            return FAILED;
        });
        return commandLine;
    }

    /**
     * Starts everything, waits until the aggregates are ready, prints where to look, then blocks
     * until a shutdown signal has stopped everything.
     */
    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        long begin = System.nanoTime();
        var ports = List.of(new Port(kafkaPort, "--kafka-port", "LOCAL_KAFKA_PORT"),
                new Port(registryPort, "--registry-port", "LOCAL_REGISTRY_PORT"),
                new Port(httpPort, "--http-port", "HTTP_PORT"));
        Port kafka;
        Port registry;
        Port http;
        try {
            // All three before starting anything: a clash should cost a second, not a broker start.
            kafka = ports.get(0).resolve();
            registry = ports.get(1).resolve();
            http = ports.get(2).resolve();
        } catch (PortInUseException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return FAILED;
        }
        // Before starting anything too: a bad users file should cost a second, not a broker start.
        if (secure && registryUsersFile != null) {
            spec.commandLine().getErr().println("error: --secure generates the registry's users itself; "
                    + "leave out --registry-users (or LOCAL_REGISTRY_USERS_FILE)");
            return FAILED;
        }
        Optional<RegistryUsers> registryUsers = Optional.ofNullable(registryUsersFile).map(RegistryUsers::load);
        var data = new DataDirectory(dataDir);
        if (secure && !fresh && data.hasBrokerData() && !SecureDirectory.existsIn(data.secure())) {
            // Kafka's SCRAM users exist only from format time: a broker formatted without them stays without.
            spec.commandLine().getErr().println("error: the broker data in " + data.kafka() + " was created without "
                    + "--secure and cannot be secured afterwards (Kafka's SCRAM users are added when the storage is "
                    + "formatted): start without --secure, add --fresh (deletes that data), or choose another --data-dir");
            return FAILED;
        }
        loadNativeLibrariesMeanwhile();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "local-run-shutdown"));
        try {
            start(out, data, kafka, registry, http, registryUsers, begin);
        } catch (RuntimeException e) {
            if (stack.isClosed()) {
                return FAILED; // a signal stopped the start; the hook already reported.
            }
            LoggerFactory.getLogger(LocalRun.class).error("Local run failed to start", e);
            spec.commandLine().getErr().println("error: " + describe(e));
            stack.close();
            return FAILED;
        }
        stopped.await();
        return 0;
    }

    private void start(PrintWriter out, DataDirectory data, Port kafka, Port registry, Port http,
                       Optional<RegistryUsers> registryUsers, long begin) throws InterruptedException {
        if (fresh) {
            data.wipe();
        }
        data.create();
        boolean resuming = data.hasBrokerData();
        Optional<SecureDirectory> secured = secure ? Optional.of(SecureDirectory.prepare(data.secure())) : Optional.empty();
        out.printf(Locale.ROOT, "Starting the ecosystem pipeline (%s data in %s%s)%n", resuming ? "resuming the" : "new",
                data.root(), secured.isPresent() ? ", secured" : "");
        out.flush();

        BrokerSettings brokerSettings = BrokerSettings.defaults().withPort(kafka.number()).withDataDirectory(data.kafka());
        EmbeddedKafkaBroker broker = stack.add("Kafka broker", EmbeddedKafkaBroker.start(
                secured.map(s -> brokerSettings.withSecurity(s.brokerSecurity())).orElse(brokerSettings)));
        String bootstrapServers = broker.bootstrapServers();
        Optional<SecureRun> secureRun = secured.map(files -> new SecureRun(files, broker));
        Map<String, Object> admin = secureRun.map(SecureRun::adminProperties)
                .orElseGet(() -> Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        String registryUrl = SchemaRegistryServer.urlOf(registry.number());
        Map<String, String> appSettings = appValues(bootstrapServers, registryUrl, data.streamsState(), http.number());
        secureRun.ifPresent(s -> s.addAppSettings(appSettings));
        AppConfig appConfig = AppConfig.from(appSettings);
        // ACLs before any other client connects: the registry, the app and the seed need theirs.
        secureRun.ifPresent(s -> s.prepare(out, appConfig.applicationId(), registryUrl));
        KafkaClientSecurity registryKafka = secureRun.map(SecureRun::registryKafka).orElseGet(KafkaClientSecurity::none);
        Optional<RegistryUsers> users = secureRun.map(SecureRun::registryUsers).or(() -> registryUsers);
        // Side by side once the broker is up: most of each start is waiting for the broker or loading
        // classes, which two cores overlap. The registry and the coordinators' topics start at once;
        // the app as soon as its input topics exist (Kafka Streams refuses missing source topics);
        // the seed as soon as the registry answers, while the app is still joining its group.
        prepareCoordinators(admin);
        Starting<SchemaRegistryServer> registryStart = stack.add("schema registry",
                Starting.begin("schema registry", () -> SchemaRegistryServer.start(bootstrapServers, registryKafka,
                        registry.number(), SchemaRegistryServer.DEFAULT_TOPIC, users)));
        provisionTopics(out, admin);
        Starting<EcosystemApp> appStart = stack.add("streams app", Starting.begin("streams app",
                () -> EcosystemApp.start(appConfig)));

        var seed = new SeedPublication(data);
        boolean publishing = seed.needed(resuming);
        // The seed reaches the registry as the app does: with its credentials, when it has any. On the
        // secure run the demo partner publishes it, with its own Kafka user and registry credentials.
        Map<String, String> seedClient = secureRun.map(SecureRun::seedClientProperties)
                .orElseGet(appConfig::schemaRegistryCredentials);
        CompletableFuture<SeedSimulator.Result> seeding = publishing
                ? CompletableFuture.supplyAsync(() -> seed.publish(new PublisherConfig(bootstrapServers,
                        awaitUninterruptibly(registryStart).url(), seedClient)), LocalRun::onSeedThread)
                : null;
        SchemaRegistryServer schemaRegistry = registryStart.await();
        EcosystemApp app = appStart.await();
        this.app = app;
        out.printf(Locale.ROOT, "Broker, registry and streams app up after %.1f s (broker %.1f s)%n",
                (System.nanoTime() - begin) / 1e9, broker.startupTime().toMillis() / 1000.0);
        out.flush();

        if (publishing) {
            SeedSimulator.Result result = awaitSeed(seeding);
            out.printf(Locale.ROOT, "Published the seed scenario: %,d PoP events and %,d partner events in %.1f s%n",
                    result.popEvents(), result.partnerEvents(), result.elapsed().toMillis() / 1000.0);
        } else {
            out.printf(Locale.ROOT, "Seed scenario already published here (%s); not publishing it again%n",
                    seed.publishedAt().orElse("earlier run"));
        }
        out.flush();

        URI base = URI.create("http://localhost:" + app.httpPort());
        Optional<String> apiToken = secureRun.map(SecureRun::apiToken);
        Readiness.Outcome outcome = new Readiness(base, apiToken).await(Duration.ofSeconds(readyTimeoutSeconds), !publishing);
        double seconds = (System.nanoTime() - begin) / 1e9;
        if (outcome.ready()) {
            out.printf(Locale.ROOT, "Ready in %.1f s: %s%n", seconds, outcome.figures().map(Figures::summary).orElse(""));
        } else {
            out.printf(Locale.ROOT, "Not ready after %.1f s; the aggregates so far: %s. Running on anyway.%n", seconds,
                    outcome.figures().map(Figures::summary).orElse("none yet"));
        }
        printTryLines(out, base, broker, schemaRegistry, data, secureRun);
    }


    /** While the broker starts, so that the app's stream thread finds RocksDB loaded; best effort. */
    private static void loadNativeLibrariesMeanwhile() {
        Thread thread = new Thread(() -> {
            try {
                EcosystemApp.loadNativeLibraries();
            } catch (RuntimeException | LinkageError e) {
                LoggerFactory.getLogger(LocalRun.class).debug("Could not load RocksDB ahead of the app", e);
            }
        }, "local-run-native-libraries");
        thread.setDaemon(true);
        thread.start();
    }

    /** Has the broker create its group and transaction topics now, on a thread of its own; best effort. */
    private static void prepareCoordinators(Map<String, Object> adminProperties) {
        Thread thread = new Thread(() -> {
            try (Admin admin = Admin.create(adminProperties)) {
                CoordinatorTopics.prepare(admin, COORDINATOR_HEAD_START);
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(LocalRun.class).debug("Could not prepare the coordinators ahead of the app", e);
            }
        }, "local-run-coordinators");
        thread.setDaemon(true);
        thread.start();
    }

    private static void onSeedThread(Runnable publication) {
        Thread thread = new Thread(publication, "local-run-seed");
        thread.setDaemon(true);
        thread.start();
    }

    private static <T extends AutoCloseable> T awaitUninterruptibly(Starting<T> start) {
        try {
            return start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the schema registry", e);
        }
    }

    private static SeedSimulator.Result awaitSeed(CompletableFuture<SeedSimulator.Result> seeding) throws InterruptedException {
        try {
            return seeding.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("could not publish the seed scenario", e.getCause());
        }
    }

    private void provisionTopics(PrintWriter out, Map<String, Object> adminProperties) {
        try (Admin admin = Admin.create(adminProperties)) {
            ProvisionedTopics topics = new TopicProvisioner(admin)
                    .provisionEventTopics(Topics.DLQ_BY_EVENT_TOPIC, EventTopicSettings.defaults().withPartitions(partitions));
            if (!topics.created().isEmpty()) {
                out.printf(Locale.ROOT, "Created topics %s with %d partitions%n", topics.created(), partitions);
            }
            if (!topics.alreadyExisting().isEmpty()) {
                out.printf(Locale.ROOT, "Topics %s already exist; kept as they are%n", topics.alreadyExisting());
            }
        }
    }

    /**
     * The app's configuration from the environment, as in a deployment, except what this launcher
     * owns: where the broker and registry are, the HTTP port and address (loopback) and the state directory. The local
     * run is one instance, which no standby can be assigned to, so it asks for none unless the
     * environment says otherwise (Kafka Streams would warn once per task at every rebalance). Its
     * state is small, so it keeps its stores in memory unless told otherwise: opening a RocksDB
     * instance per store and task costs start-up time, while restoring the few thousand changelog
     * records on the next start is quick (local-run/README.md has the figures).
     */
    AppConfig appConfig(String bootstrapServers, String registryUrl, Path stateDir, int port) {
        return AppConfig.from(appValues(bootstrapServers, registryUrl, stateDir, port));
    }

    /** The variables of {@link #appConfig}, to which the secure run adds its own. */
    private Map<String, String> appValues(String bootstrapServers, String registryUrl, Path stateDir, int port) {
        var values = new HashMap<>(environment);
        values.put("BOOTSTRAP_SERVERS", bootstrapServers);
        values.put("SCHEMA_REGISTRY_URL", registryUrl);
        values.put("STATE_DIR", stateDir.toString());
        values.put("HTTP_PORT", Integer.toString(port));
        values.put("APPLICATION_SERVER", "localhost:" + port);
        // The local run is for this machine: its API answers on loopback only, whatever HTTP_HOST says.
        values.put("HTTP_HOST", "127.0.0.1");
        values.putIfAbsent("NUM_STANDBY_REPLICAS", "0");
        values.putIfAbsent("STATE_STORES", "in-memory");
        return values;
    }

    private static void printTryLines(PrintWriter out, URI base, EmbeddedKafkaBroker broker,
                                      SchemaRegistryServer registry, DataDirectory data, Optional<SecureRun> secured) {
        out.println("Try:");
        String curl = secured.map(SecureRun::curl).orElse("curl -s ");
        for (String path : List.of("/api/v1/capacity", "/api/v1/capacity/regions", "/api/v1/capacity/countries/FR/cities",
                "/api/v1/alliance", "/api/v1/alliance/programs/GTI", "/metrics")) {
            out.println("  " + curl + base + path);
        }
        secured.ifPresent(s -> s.printFiles(out));
        out.printf(Locale.ROOT, "Kafka on localhost:%d%s, schema registry on http://localhost:%d%s, data in %s%n",
                broker.port(), secured.isPresent() ? " (SASL_SSL)" : "", registry.port(),
                secured.isPresent() ? " (basic auth)" : "", data.root());
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }

    /** Run by the shutdown hook on Ctrl-C / SIGTERM. */
    private void stop() {
        if (stack.isClosed()) {
            stopped.countDown();
            return;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Stopping...");
        out.flush();
        stack.close();
        if (app != null && !app.stoppedInTime()) {
            // A stuck stream thread outlives the stop; System.exit would wait for this very hook.
            out.println("Stopped, but the streams app did not stop in time (thread dump in the log): exiting with status 1.");
            out.flush();
            Runtime.getRuntime().halt(1);
        }
        out.println("Stopped.");
        out.flush();
        stopped.countDown();
    }

    private static String describe(Throwable error) {
        var message = new StringBuilder(Optional.ofNullable(error.getMessage()).orElse(error.getClass().getSimpleName()));
        for (Throwable cause = error.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !message.toString().contains(cause.getMessage())) {
                message.append(": ").append(cause.getMessage());
            }
        }
        return message.toString();
    }

    /** The jar's version, when run from one. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = LocalRun.class.getPackage().getImplementationVersion();
            return new String[] {"local-run " + (version == null ? "(development build)" : version)};
        }
    }
}
