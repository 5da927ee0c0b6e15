package com.cmobile.ecosystem.app.http;

import com.cmobile.ecosystem.app.query.AllianceQueries;
import com.cmobile.ecosystem.app.query.CapacityQueries;
import com.cmobile.ecosystem.app.query.ClusterQueries;
import com.cmobile.ecosystem.app.query.QueryOptions;
import com.cmobile.ecosystem.events.Program;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

/**
 * The public API, {@code /api/v1}: every route answers the whole truth from any instance (the
 * query layer forwards and fans out). Paths and field names are a public contract.
 */
public final class ApiRoutes {

    private final CapacityQueries capacity;
    private final AllianceQueries alliance;
    private final ClusterQueries stores;
    private final Clock clock;

    public ApiRoutes(CapacityQueries capacity, AllianceQueries alliance, ClusterQueries stores, Clock clock) {
        this.capacity = capacity;
        this.alliance = alliance;
        this.stores = stores;
        this.clock = clock;
    }

    public void register(Javalin app) {
        app.get("/api/v1/capacity", ctx -> Results.single(ctx, capacity.global(Params.options(ctx))));
        app.get("/api/v1/capacity/regions", ctx -> {
            QueryOptions options = Params.options(ctx);
            Results.page(ctx, capacity.regions(Params.page(ctx), options), options);
        });
        app.get("/api/v1/capacity/regions/{region}",
                ctx -> Results.single(ctx, capacity.region(Params.region(ctx), Params.options(ctx))));
        app.get("/api/v1/capacity/countries", ctx -> {
            QueryOptions options = Params.options(ctx);
            Results.page(ctx, capacity.countries(Params.page(ctx), options), options);
        });
        app.get("/api/v1/capacity/countries/{country}",
                ctx -> Results.single(ctx, capacity.country(Params.country(ctx), Params.options(ctx))));
        app.get("/api/v1/capacity/countries/{country}/cities", ctx -> {
            QueryOptions options = Params.options(ctx);
            Results.page(ctx, capacity.cities(Params.country(ctx), Params.page(ctx), options), options);
        });
        app.get("/api/v1/capacity/countries/{country}/cities/{city}", ctx -> Results.single(ctx,
                capacity.city(Params.country(ctx), ctx.pathParam("city"), Params.options(ctx))));
        app.get("/api/v1/pops/{popId}", ctx -> Results.single(ctx, capacity.pop(ctx.pathParam("popId"), Params.options(ctx))));

        app.get("/api/v1/alliance", ctx -> Results.single(ctx, alliance.alliance(Params.options(ctx))));
        app.get("/api/v1/alliance/programs/{program}",
                ctx -> Results.single(ctx, alliance.program(Params.program(ctx), Params.options(ctx))));
        app.get("/api/v1/alliance/programs/{program}/regions", ctx -> {
            QueryOptions options = Params.options(ctx);
            Results.page(ctx, alliance.regions(Params.program(ctx), Params.page(ctx), options), options);
        });
        app.get("/api/v1/alliance/programs/{program}/growth", this::growth);
        app.get("/api/v1/alliance/programs/{program}/partners", ctx -> {
            QueryOptions options = Params.options(ctx);
            Results.page(ctx, alliance.partners(Params.program(ctx), Params.page(ctx), options), options);
        });
        app.get("/api/v1/partners/{partnerId}",
                ctx -> Results.single(ctx, alliance.partner(ctx.pathParam("partnerId"), Params.options(ctx))));

        app.get("/api/v1/instances", ctx -> ctx.json(Map.of("instances", stores.instances())));
    }

    /** Defaults to the last 30 UTC days up to today. */
    private void growth(Context ctx) {
        Program program = Params.program(ctx);
        LocalDate today = LocalDate.now(clock);
        LocalDate to = Params.date(ctx, "to", today);
        LocalDate from = Params.date(ctx, "from", to.minusDays(29));
        Params.checkGrowthRange(from, to);
        Results.single(ctx, alliance.growth(program, from, to, Params.options(ctx)));
    }
}
