package com.cmobile.ecosystem.registry.server;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP basic auth in front of every route, as Confluent's registry does it: no or wrong credentials
 * get 401 with {@code WWW-Authenticate: Basic realm="..."}; a {@code read} user asking to change
 * something gets 403. Both answer Confluent's error JSON ({@code {"error_code":401,"message":..}}),
 * through {@link RegistryException}.
 *
 * <p>Reading needs the {@code read} role: every GET, and the two POSTs that change nothing, the
 * lookup of a schema under a subject ({@code POST /subjects/{s}}, which serializers with
 * auto-registration off use) and the compatibility test ({@code POST /compatibility/...}).
 * Everything else (registering, {@code PUT /config}, deleting) needs {@code write}.
 */
final class BasicAuthentication implements Handler {

    static final String REALM = "schema-registry";
    private static final Logger LOG = LoggerFactory.getLogger(BasicAuthentication.class);

    private final RegistryUsers users;

    BasicAuthentication(RegistryUsers users) {
        this.users = users;
    }

    @Override
    public void handle(Context ctx) {
        Optional<Credentials> credentials = Credentials.of(ctx.header("Authorization"));
        Optional<RegistryUsers.Role> role = credentials.flatMap(given -> users.authenticate(given.name(), given.password()));
        if (role.isEmpty()) {
            LOG.debug("Refused {} {}: {}", ctx.method(), ctx.path(),
                    credentials.isEmpty() ? "no basic credentials" : "wrong name or password");
            ctx.header("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
            throw RegistryException.unauthorized();
        }
        RegistryUsers.Role needed = roleNeeded(ctx.method(), ctx.path());
        if (!role.get().permits(needed)) {
            String name = credentials.get().name();
            LOG.info("Refused {} {} to user '{}' with role {}", ctx.method(), ctx.path(), name, role.get().text());
            throw RegistryException.forbidden(name, role.get().text(), needed.text());
        }
    }

    /** What the request needs: see the class comment. */
    static RegistryUsers.Role roleNeeded(HandlerType method, String path) {
        if (method == HandlerType.GET || method == HandlerType.HEAD) {
            return RegistryUsers.Role.READ;
        }
        if (method == HandlerType.POST) {
            String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
            String[] segments = trimmed.split("/", -1);   // "", "subjects", "<subject>"
            boolean lookup = segments.length == 3 && segments[1].equals("subjects") && !segments[2].isEmpty();
            boolean compatibilityTest = segments.length > 1 && segments[1].equals("compatibility");
            if (lookup || compatibilityTest) {
                return RegistryUsers.Role.READ;
            }
        }
        return RegistryUsers.Role.WRITE;
    }

    /** The name and password of an {@code Authorization: Basic ...} header (RFC 7617, UTF-8). */
    record Credentials(String name, String password) {

        static Optional<Credentials> of(String header) {
            if (header == null) {
                return Optional.empty();
            }
            String value = header.strip();
            int space = value.indexOf(' ');
            if (space < 0 || !value.substring(0, space).toLowerCase(Locale.ROOT).equals("basic")) {
                return Optional.empty();
            }
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(value.substring(space + 1).strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return Optional.empty();
            }
            return Optional.of(new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
        }

        @Override
        public String toString() {
            return "Credentials[" + name + ", (hidden)]";
        }
    }
}
