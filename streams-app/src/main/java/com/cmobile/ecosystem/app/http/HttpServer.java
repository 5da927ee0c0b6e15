package com.cmobile.ecosystem.app.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Javalin server: JSON everywhere, errors as {@link ApiError} (never a stack trace, also for
 * what Jetty refuses itself, such as oversized headers), access checked before routing
 * ({@link ApiAccess}), unknown paths as JSON 404, plain HTTP or TLS, {@code /metrics} in Prometheus text format, and every request timed as
 * {@code http_server_requests} by route template (not raw path, which would explode the label set)
 * and status.
 */
public final class HttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

    private static final Pattern MALFORMED_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

    private final Javalin app;

    private HttpServer(Javalin app) {
        this.app = app;
    }

    /**
     * Where and how the server listens.
     *
     * @param host address to bind, {@code 0.0.0.0} for every interface
     * @param port 0 for any free port
     * @param tls  serve https with this context, or plain HTTP
     */
    public record Binding(String host, int port, Optional<SSLContext> tls) {
        public static Binding plain(int port) {
            return new Binding("0.0.0.0", port, Optional.empty());
        }
    }

    /**
     * Creates and starts an open, plain-HTTP server on every interface at {@code port} (0 for any free port).
     *
     * @param routes registers the routes, e.g. {@code app -> { api.register(app); health.register(app); }}
     */
    public static HttpServer start(int port, ObjectMapper mapper, PrometheusMeterRegistry registry,
                                   Consumer<Javalin> routes) {
        return start(Binding.plain(port), ApiAccess.open(), mapper, registry, routes);
    }

    /** Creates and starts the server at {@code binding}, refusing what {@code access} does not allow. */
    public static HttpServer start(Binding binding, ApiAccess access, ObjectMapper mapper,
                                   PrometheusMeterRegistry registry, Consumer<Javalin> routes) {
        Javalin app = Javalin.create(config -> {
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler(mapper)));
            config.jetty.addConnector((server, httpConfiguration) -> connector(binding, server, httpConfiguration));
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.router.ignoreTrailingSlashes = true;
            config.requestLogger.http((ctx, millis) -> time(registry, ctx, millis));
        });
        app.exception(AccessDenied.class, (e, ctx) -> {
            e.challenge().ifPresent(challenge -> ctx.header("WWW-Authenticate", challenge));
            ctx.status(e.status()).json(new ApiError(e.error(), e.getMessage()));
        });
        app.exception(BadRequestException.class, (e, ctx) ->
                ctx.status(HttpStatus.BAD_REQUEST).json(new ApiError("bad-request", e.getMessage())));
        app.exception(HttpResponseException.class, (e, ctx) -> ctx.status(e.getStatus())
                .json(new ApiError(HttpStatus.forStatus(e.getStatus()).name().toLowerCase(Locale.ROOT).replace('_', '-'),
                        e.getMessage())));
        app.exception(Exception.class, (e, ctx) -> {
            // The client gets a reference it can quote; the log keeps the stack trace.
            String reference = UUID.randomUUID().toString();
            LOG.error("Unhandled error {} on {} {}", reference, ctx.method(), ctx.path(), e);
            ctx.status(HttpStatus.INTERNAL_SERVER_ERROR)
                    .json(new ApiError("internal", "unexpected error, reference " + reference));
        });
        app.error(HttpStatus.NOT_FOUND.getCode(), ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                ctx.json(new ApiError("not-found", "no route " + ctx.method() + " " + ctx.path()));
            }
        });
        app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape()));
        access.register(app);
        // Javalin decodes path parameters with URLDecoder, which throws on a '%' without two hex digits:
        // a malformed request, not a failure of ours (found by the HTTP fuzz test).
        app.before(ctx -> {
            if (MALFORMED_ESCAPE.matcher(ctx.path()).find()) {
                throw new BadRequestException("the path has a '%' that is not followed by two hex digits");
            }
        });
        routes.accept(app);
        // The connector above is the only one: Javalin adds its own only when there is none.
        app.start();
        return new HttpServer(app);
    }

    /** Plain HTTP or TLS at the binding's address, malformed request lines answered 400 (see {@link ClientErrorConnectionFactory}). */
    private static ServerConnector connector(Binding binding, Server server, HttpConfiguration httpConfiguration) {
        var http = new ClientErrorConnectionFactory(httpConfiguration);
        ServerConnector connector;
        if (binding.tls().isPresent()) {
            // Peers are reached by the host of their APPLICATION_SERVER, which need not be what SNI names.
            var customizer = new SecureRequestCustomizer();
            customizer.setSniHostCheck(false);
            httpConfiguration.addCustomizer(customizer);
            var ssl = new SslContextFactory.Server();
            ssl.setSslContext(binding.tls().get());
            connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"), http);
        } else {
            connector = new ServerConnector(server, http);
        }
        connector.setHost(binding.host());
        connector.setPort(binding.port());
        return connector;
    }

    private static void time(MeterRegistry registry, Context ctx, float millis) {
        String route;
        try {
            route = ctx.endpointHandlerPath();
        } catch (IllegalStateException e) {
            // Javalin has no endpoint for the path: one label value for every unknown path.
            route = "unmatched";
        }
        Timer.builder("http.server.requests")
                .description("HTTP requests by route template and status")
                .tag("method", ctx.method().name())
                .tag("route", route)
                .tag("status", String.valueOf(ctx.statusCode()))
                .register(registry)
                .record((long) (millis * 1_000_000), TimeUnit.NANOSECONDS);
    }

    /** The port the server listens on. */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
