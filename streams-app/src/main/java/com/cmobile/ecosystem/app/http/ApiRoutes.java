package com.cmobile.ecosystem.app.http;

import com.cmobile.ecosystem.app.query.AllianceQueries;
import com.cmobile.ecosystem.app.query.Answer;
import com.cmobile.ecosystem.app.query.CapacityQueries;
import com.cmobile.ecosystem.app.query.CapacitySnapshot;
import com.cmobile.ecosystem.app.query.ClusterQueries;
import com.cmobile.ecosystem.app.query.Page;
import com.cmobile.ecosystem.app.query.PageRequest;
import com.cmobile.ecosystem.app.query.QueryOptions;
import com.cmobile.ecosystem.app.query.TimeTravelQueries;
import com.cmobile.ecosystem.app.topology.model.PopState;
import com.cmobile.ecosystem.events.Program;
import com.cmobile.ecosystem.geo.Countries;
import com.cmobile.ecosystem.geo.Region;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The public API, {@code /api/v1}: every route answers the whole truth from any instance (the
 * query layer forwards and fans out). Paths and field names are a public contract. Every aggregate
 * and key route also answers as of a past instant ({@code asOf}, from {@link TimeTravelQueries});
 * without it, the answer is now, from the live aggregates.
 */
public final class ApiRoutes {

    private final CapacityQueries capacity;
    private final AllianceQueries alliance;
    private final TimeTravelQueries past;
    private final ClusterQueries stores;
    private final Clock clock;

    public ApiRoutes(CapacityQueries capacity, AllianceQueries alliance, TimeTravelQueries past, ClusterQueries stores,
                     Clock clock) {
        this.capacity = capacity;
        this.alliance = alliance;
        this.past = past;
        this.stores = stores;
        this.clock = clock;
    }

    public void register(Javalin app) {
        single(app, "/api/v1/capacity", (ctx, o) -> capacity.global(o), (ctx, at, o) -> past.global(at, o));
        page(app, "/api/v1/capacity/regions", (ctx, p, o) -> capacity.regions(p, o),
                (ctx, at, p, o) -> past.regions(at, p, o));
        single(app, "/api/v1/capacity/regions/{region}", (ctx, o) -> capacity.region(Params.region(ctx), o),
                (ctx, at, o) -> past.region(Params.region(ctx), at, o));
        page(app, "/api/v1/capacity/countries", (ctx, p, o) -> capacity.countries(p, o),
                (ctx, at, p, o) -> past.countries(at, p, o));
        single(app, "/api/v1/capacity/countries/{country}", (ctx, o) -> capacity.country(Params.country(ctx), o),
                (ctx, at, o) -> past.country(Params.country(ctx), at, o));
        page(app, "/api/v1/capacity/countries/{country}/cities",
                (ctx, p, o) -> capacity.cities(Params.country(ctx), p, o),
                (ctx, at, p, o) -> past.cities(Params.country(ctx), at, p, o));
        single(app, "/api/v1/capacity/countries/{country}/cities/{city}",
                (ctx, o) -> capacity.city(Params.country(ctx), ctx.pathParam("city"), o),
                (ctx, at, o) -> past.city(Params.country(ctx), ctx.pathParam("city"), at, o));
        page(app, "/api/v1/capacity/business-locations", (ctx, p, o) -> capacity.businessLocations(p, o),
                (ctx, at, p, o) -> past.businessLocations(at, p, o));
        single(app, "/api/v1/capacity/business-locations/{name}",
                (ctx, o) -> capacity.businessLocation(ctx.pathParam("name"), o),
                (ctx, at, o) -> past.businessLocation(ctx.pathParam("name"), at, o));
        app.get("/api/v1/capacity/history", ctx -> Results.single(ctx, series(() -> past.capacitySeries(
                Params.by(ctx), Params.instant(ctx, "from"), to(ctx), place(ctx), Params.options(ctx)))));
        single(app, "/api/v1/pops/{popId}", (ctx, o) -> capacity.pop(ctx.pathParam("popId"), o),
                (ctx, at, o) -> past.pop(ctx.pathParam("popId"), at, o));

        single(app, "/api/v1/alliance", (ctx, o) -> alliance.alliance(o), (ctx, at, o) -> past.alliance(at, o));
        single(app, "/api/v1/alliance/programs/{program}", (ctx, o) -> alliance.program(Params.program(ctx), o),
                (ctx, at, o) -> past.program(Params.program(ctx), at, o));
        page(app, "/api/v1/alliance/programs/{program}/regions",
                (ctx, p, o) -> alliance.regions(Params.program(ctx), p, o),
                (ctx, at, p, o) -> past.programRegions(Params.program(ctx), at, p, o));
        app.get("/api/v1/alliance/programs/{program}/growth", this::growth);
        app.get("/api/v1/alliance/programs/{program}/history", ctx -> Results.single(ctx, series(() ->
                past.programSeries(Params.program(ctx), Params.by(ctx), Params.instant(ctx, "from"), to(ctx),
                        Params.options(ctx)))));
        page(app, "/api/v1/alliance/programs/{program}/partners",
                (ctx, p, o) -> alliance.partners(Params.program(ctx), p, o),
                (ctx, at, p, o) -> past.programPartners(Params.program(ctx), at, p, o));
        single(app, "/api/v1/partners/{partnerId}", (ctx, o) -> alliance.partner(ctx.pathParam("partnerId"), o),
                (ctx, at, o) -> past.partner(ctx.pathParam("partnerId"), at, o));

        app.get("/api/v1/instances", ctx -> ctx.json(Map.of("instances", stores.instances())));
    }

    /** A route answering one value now, or as of {@code asOf} when given. */
    private static <T> void single(Javalin app, String path, BiFunction<Context, QueryOptions, Answer<T>> now,
                                   AsOf<Answer<T>> then) {
        app.get(path, ctx -> {
            QueryOptions options = Params.options(ctx);
            Optional<Instant> asOf = Params.asOf(ctx);
            Results.single(ctx, asOf.isPresent() ? then.answer(ctx, asOf.get(), options) : now.apply(ctx, options));
        });
    }

    /** A list route, paged, now or as of {@code asOf} when given. */
    private static <T> void page(Javalin app, String path, PagedNow<T> now, PagedAsOf<T> then) {
        app.get(path, ctx -> {
            QueryOptions options = Params.options(ctx);
            PageRequest page = Params.page(ctx);
            Optional<Instant> asOf = Params.asOf(ctx);
            Results.page(ctx, asOf.isPresent() ? then.answer(ctx, asOf.get(), page, options)
                    : now.answer(ctx, page, options), options);
        });
    }

    @FunctionalInterface
    private interface AsOf<A> {
        A answer(Context ctx, Instant at, QueryOptions options);
    }

    @FunctionalInterface
    private interface PagedNow<T> {
        Answer<Page<T>> answer(Context ctx, PageRequest page, QueryOptions options);
    }

    @FunctionalInterface
    private interface PagedAsOf<T> {
        Answer<Page<T>> answer(Context ctx, Instant at, PageRequest page,
                                                               QueryOptions options);
    }

    /** A series; a range the periods cannot cover (reversed, too many points) is the client's error. */
    private static <T> Answer<T> series(Supplier<Answer<T>> series) {
        try {
            return series.get();
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage(), e);
        }
    }

    private Instant to(Context ctx) {
        return Params.instant(ctx, "to").orElseGet(clock::instant);
    }

    /** The PoPs a capacity series counts: all, or those of {@code region} or of {@code country}. */
    private static Predicate<PopState> place(Context ctx) {
        String region = ctx.queryParam("region");
        String country = ctx.queryParam("country");
        if (region != null && country != null) {
            throw new BadRequestException("pass 'region' or 'country', not both");
        }
        if (region != null) {
            Region r = Region.fromName(region).orElseThrow(() -> new BadRequestException("unknown region '" + region
                    + "'; known: " + Arrays.toString(Region.values())));
            return pop -> CapacitySnapshot.regionOf(pop) == r;
        }
        if (country != null) {
            String code = country.toUpperCase(Locale.ROOT);
            if (!Countries.isAssigned(code)) {
                throw new BadRequestException("'" + country + "' is not an assigned ISO 3166-1 alpha-2 country code");
            }
            return pop -> pop.country().equals(code);
        }
        return pop -> true;
    }

    /** Defaults to the last 30 UTC days up to today. */
    private void growth(Context ctx) {
        Program program = Params.program(ctx);
        LocalDate today = LocalDate.now(clock);
        LocalDate to = Params.date(ctx, "to", today);
        LocalDate from = Params.date(ctx, "from", to.minusDays(29));
        Params.checkGrowthRange(from, to);
        Results.single(ctx, past.growth(program, from, to, Params.options(ctx)));
    }
}
