package com.cmobile.ecosystem.app.http;

import com.cmobile.ecosystem.app.query.PeerSecret;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;

/**
 * Who may call what, checked before routing so that a refusal is the same whatever the path names
 * (an existing key, a missing one, no route at all): nothing about the data leaks to a stranger.
 *
 * <ul>
 *   <li>{@code /health/live}, {@code /health/ready}: open (orchestrators' probes);</li>
 *   <li>{@code /metrics}: a token with scope {@code metrics}, unless {@code METRICS_PUBLIC};</li>
 *   <li>{@code /internal/...}: the peer secret, when one is configured;</li>
 *   <li>everything else, {@code /api/v1/*} and unknown paths alike: a token with scope {@code read},
 *       when tokens are configured.</li>
 * </ul>
 * The open paths are matched exactly; anything else falls to the strictest rule that applies.
 */
public final class ApiAccess {

    static final String CHALLENGE = "Bearer realm=\"ecosystem\"";
    private static final String INVALID_TOKEN = CHALLENGE + ", error=\"invalid_token\"";

    enum Area { HEALTH, METRICS, INTERNAL, API }

    private final Optional<ApiTokens> tokens;
    private final boolean metricsPublic;
    private final Optional<PeerSecret> peerSecret;

    public ApiAccess(Optional<ApiTokens> tokens, boolean metricsPublic, Optional<PeerSecret> peerSecret) {
        this.tokens = tokens;
        this.metricsPublic = metricsPublic;
        this.peerSecret = peerSecret;
    }

    /** No tokens, no peer secret: every route open. */
    public static ApiAccess open() {
        return new ApiAccess(Optional.empty(), false, Optional.empty());
    }

    public void register(Javalin app) {
        app.before(this::check);
    }

    void check(Context ctx) {
        switch (area(ctx.path())) {
            case HEALTH -> {
            }
            case INTERNAL -> peerSecret.ifPresent(secret -> {
                if (!secret.matches(ctx.header(PeerSecret.HEADER))) {
                    throw AccessDenied.unauthorized("the internal routes answer the other instances only",
                            Optional.empty());
                }
            });
            case METRICS -> {
                if (!metricsPublic) {
                    require(ctx.header("Authorization"), Scope.METRICS);
                }
            }
            case API -> require(ctx.header("Authorization"), Scope.READ);
        }
    }

    /** Refuses unless tokens are off or {@code authorization} is a bearer token with {@code scope}. */
    void require(String authorization, Scope scope) {
        if (tokens.isEmpty()) {
            return;
        }
        Optional<String> token = bearerToken(authorization);
        if (token.isEmpty()) {
            throw AccessDenied.unauthorized("a bearer token is required (Authorization: Bearer <token>)",
                    Optional.of(CHALLENGE));
        }
        ApiTokens.Holder holder = tokens.get().holderOf(token.get()).orElseThrow(() ->
                AccessDenied.unauthorized("the bearer token is not valid", Optional.of(INVALID_TOKEN)));
        if (!holder.scopes().contains(scope)) {
            throw AccessDenied.forbidden("the token lacks the scope '" + scope.label() + "'");
        }
    }

    private static Optional<String> bearerToken(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String value = authorization.strip();
        int space = value.indexOf(' ');
        if (space < 0 || !value.substring(0, space).toLowerCase(Locale.ROOT).equals("bearer")) {
            return Optional.empty();
        }
        String token = value.substring(space + 1).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    /** The area of a raw request path; repeated and trailing slashes do not change it. */
    static Area area(String path) {
        String normalized = path.replaceAll("/{2,}", "/");
        if (normalized.length() > 1 && normalized.endsWith("/")) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        if (normalized.equals("/health/live") || normalized.equals("/health/ready")) {
            return Area.HEALTH;
        }
        if (normalized.equals("/metrics")) {
            return Area.METRICS;
        }
        // All of /internal, not only HttpPeers.INTERNAL: a future version's routes are covered too.
        if (normalized.equals("/internal") || normalized.startsWith("/internal/")) {
            return Area.INTERNAL;
        }
        return Area.API;
    }
}
