package com.cmobile.ecosystem.registry.server;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import com.cmobile.ecosystem.events.Topics;
import com.cmobile.ecosystem.kafka.KafkaClientSecurity;
import io.javalin.Javalin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A schema registry speaking the subset of Confluent's REST API that serializers and
 * Confluent's own clients use, with the same JSON and error shapes
 * ({@code application/vnd.schemaregistry.v1+json}).
 *
 * <p>Routes: {@code GET /subjects}, {@code POST|GET /subjects/{s}/versions},
 * {@code GET /subjects/{s}/versions/{v|latest}[/schema]}, {@code POST /subjects/{s}} (lookup),
 * {@code GET /schemas/ids/{id}[/schema]},
 * {@code POST /compatibility/subjects/{s}/versions/{v|latest}},
 * {@code GET|PUT /config}, {@code GET|PUT /config/{s}}.
 *
 * <p>Reads and writes the compacted topic {@code _schemas} (or the one given), which holds every
 * subject, version, id and compatibility setting, so ids survive restarts on the same broker
 * data. Compatibility (default BACKWARD) is decided by Avro's own checker; an incompatible
 * schema is refused with 409. Avro only, without schema references.
 *
 * <p>Open by default; given {@link RegistryUsers} (a users file with hashed passwords), every
 * request needs HTTP basic auth, reads the {@code read} role and changes the {@code write} role.
 */
public final class SchemaRegistryServer implements AutoCloseable {

    /** The topic Confluent's registry uses too. */
    public static final String DEFAULT_TOPIC = Topics.SCHEMAS;

    private static final Logger LOG = LoggerFactory.getLogger(SchemaRegistryServer.class);

    private final Javalin app;
    private final SchemaTopicLog log;

    private SchemaRegistryServer(Javalin app, SchemaTopicLog log) {
        this.app = app;
        this.log = log;
    }

    /** Serves on 127.0.0.1:{@code port} ({@code 0} = a free port), storing schemas in {@code _schemas}. */
    public static SchemaRegistryServer start(String bootstrapServers, int port) {
        return start(bootstrapServers, port, DEFAULT_TOPIC);
    }

    /** As {@link #start(String, int)}, storing schemas in {@code schemaTopic}. */
    public static SchemaRegistryServer start(String bootstrapServers, int port, String schemaTopic) {
        return start(bootstrapServers, KafkaClientSecurity.none(), port, schemaTopic, Optional.empty());
    }

    /**
     * As {@link #start(String, int, String)}; with {@code users}, every request needs HTTP basic
     * auth by one of them, and changes need the {@code write} role ({@link BasicAuthentication}).
     * Without, the registry is open to anyone who reaches it.
     */
    public static SchemaRegistryServer start(String bootstrapServers, int port, String schemaTopic,
                                             Optional<RegistryUsers> users) {
        return start(bootstrapServers, KafkaClientSecurity.none(), port, schemaTopic, users);
    }

    /**
     * As {@link #start(String, int, String)}, its Kafka clients (the schema topic's producer, consumer
     * and admin) connecting with {@code security}: {@code SASL_SSL}, {@code SSL} with a client
     * certificate, ... Its principal needs, on {@code schemaTopic}: CREATE (once), DESCRIBE, READ,
     * WRITE; no consumer group.
     */
    public static SchemaRegistryServer start(String bootstrapServers, KafkaClientSecurity security, int port,
                                             String schemaTopic) {
        return start(bootstrapServers, security, port, schemaTopic, Optional.empty());
    }

    /** Kafka clients connecting with {@code security}, and basic auth for {@code users} when present. */
    public static SchemaRegistryServer start(String bootstrapServers, KafkaClientSecurity security, int port,
                                             String schemaTopic, Optional<RegistryUsers> users) {
        long startedAt = System.nanoTime();
        var log = new SchemaTopicLog(bootstrapServers, security, schemaTopic);
        try {
            var store = SchemaStore.open(log);
            var app = Javalin.create(config -> {
                config.showJavalinBanner = false;
                config.startupWatcherEnabled = false;
                config.http.prefer405over404 = true;
                config.http.defaultContentType = RegistryRoutes.CONTENT_TYPE;
            });
            users.ifPresent(known -> app.before(new BasicAuthentication(known)));
            new RegistryRoutes(store).register(app);
            renderErrorsAsConfluentJson(app);
            app.start("127.0.0.1", port);
            var server = new SchemaRegistryServer(app, log);
            LOG.info("Schema registry serving {} from topic {} over {}, {} (started in {} ms)", server.url(),
                    schemaTopic, security,
                    users.map(known -> "basic auth for users " + known.names()).orElse("without authentication"),
                    Duration.ofNanos(System.nanoTime() - startedAt).toMillis());
            return server;
        } catch (RuntimeException e) {
            log.close();
            throw e;
        }
    }

    /** {@code http://127.0.0.1:<port>}, for {@code schema.registry.url}. */
    public String url() {
        return urlOf(port());
    }

    /** The URL a registry started on {@code port} (not 0) serves, known before it has started. */
    public static String urlOf(int port) {
        if (port <= 0) {
            throw new IllegalArgumentException("the URL of a registry on any free port is known only once it started");
        }
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
        log.close();
    }

    /** Never a stack trace or an HTML page: every failure is {@code {"error_code":..,"message":..}}. */
    private static void renderErrorsAsConfluentJson(Javalin app) {
        app.exception(RegistryException.class, (e, ctx) -> {
            ctx.attribute("registry-error", true);
            RegistryRoutes.respond(ctx, e.httpStatus(), error(e.errorCode(), e.getMessage()));
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("Schema registry failed on {} {}", ctx.method(), ctx.path(), e);
            ctx.attribute("registry-error", true);
            RegistryRoutes.respond(ctx, 500, error(500, "Internal Server Error: " + e.getMessage()));
        });
        app.error(404, ctx -> {
            if (ctx.attribute("registry-error") == null) {
                RegistryRoutes.respond(ctx, 404, error(404, "HTTP 404 Not Found"));
            }
        });
        app.error(405, ctx -> RegistryRoutes.respond(ctx, 405, error(405, "HTTP 405 Method Not Allowed")));
    }

    private static Map<String, Object> error(int code, String message) {
        return Map.of("error_code", code, "message", message);
    }
}
