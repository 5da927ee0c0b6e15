package com.cmobile.ecosystem.app.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Probes for an orchestrator: {@code /health/live} (restart me when down) and {@code /health/ready}
 * (send me traffic only when up). Both answer 200 or 503 with a JSON body saying why.
 */
public final class HealthRoutes {

    /** What a probe found: up or not, the Streams state, and the problems seen (empty when up). */
    public record Check(boolean up, String state, List<String> problems) {
        public Check {
            problems = List.copyOf(problems);
        }
    }

    private final Supplier<Check> liveness;
    private final Supplier<Check> readiness;

    public HealthRoutes(Supplier<Check> liveness, Supplier<Check> readiness) {
        this.liveness = liveness;
        this.readiness = readiness;
    }

    public void register(Javalin app) {
        app.get("/health/live", ctx -> answer(ctx, liveness.get()));
        app.get("/health/ready", ctx -> answer(ctx, readiness.get()));
    }

    private static void answer(Context ctx, Check check) {
        ctx.status(check.up() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .json(Map.of("status", check.up() ? "UP" : "DOWN", "state", check.state(), "problems", check.problems()));
    }
}
