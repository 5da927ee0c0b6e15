package com.cmobile.ecosystem.app.http;

import com.cmobile.ecosystem.app.query.PageRequest;
import com.cmobile.ecosystem.app.query.Periods;
import com.cmobile.ecosystem.app.query.QueryOptions;
import com.cmobile.ecosystem.events.Program;
import com.cmobile.ecosystem.geo.Countries;
import com.cmobile.ecosystem.geo.Region;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Reads and checks request parameters; anything wrong is a {@link BadRequestException} naming it. */
final class Params {

    /** Longest growth series one request may ask for, in days. */
    static final int MAX_GROWTH_DAYS = PageRequest.MAX_LIMIT;

    private Params() {
    }

    static QueryOptions options(Context ctx) {
        return new QueryOptions(flag(ctx, "stale"), flag(ctx, "partial"));
    }

    static boolean flag(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) {
            return false;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new BadRequestException("'" + name + "' must be true or false, was '" + value + "'");
        };
    }

    static PageRequest page(Context ctx) {
        int limit = limit(ctx);
        String after = ctx.queryParam("after");
        Optional<String> afterKey = Optional.empty();
        if (after != null) {
            try {
                afterKey = Optional.of(PageRequest.keyOfCursor(after));
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("'after' is not a cursor of this API: pass the 'next' of the previous page", e);
            }
        }
        return new PageRequest(afterKey, limit);
    }

    static int limit(Context ctx) {
        String limitText = ctx.queryParam("limit");
        int limit = PageRequest.DEFAULT_LIMIT;
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText);
            } catch (NumberFormatException e) {
                throw new BadRequestException("'limit' must be a whole number, was '" + limitText + "'", e);
            }
            if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
                throw new BadRequestException("'limit' must be between 1 and " + PageRequest.MAX_LIMIT + ", was " + limit);
            }
        }
        return limit;
    }

    static Program program(Context ctx) {
        String name = ctx.pathParam("program");
        return Arrays.stream(Program.values())
                .filter(p -> p != Program.UNKNOWN && p.name().equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(() -> new BadRequestException("unknown program '" + name + "'; known: "
                        + com.cmobile.ecosystem.app.query.AllianceQueries.PROGRAMS));
    }

    static Region region(Context ctx) {
        String name = ctx.pathParam("region");
        return Region.fromName(name).orElseThrow(() -> new BadRequestException("unknown region '" + name
                + "'; known: " + Arrays.toString(Region.values())));
    }

    /** An assigned ISO 3166-1 alpha-2 code, in any case. */
    static String country(Context ctx) {
        String code = ctx.pathParam("country").toUpperCase(Locale.ROOT);
        if (!Countries.isAssigned(code)) {
            throw new BadRequestException("'" + ctx.pathParam("country") + "' is not an assigned ISO 3166-1 alpha-2 country code");
        }
        return code;
    }

    static LocalDate date(Context ctx, String name, LocalDate otherwise) {
        String text = ctx.queryParam(name);
        if (text == null || text.isEmpty()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("'" + name + "' must be a date like 2026-01-31, was '" + text + "'", e);
        }
    }

    /** {@code asOf}: empty for now; see {@link #instant}. */
    static Optional<Instant> asOf(Context ctx) {
        return instant(ctx, "asOf");
    }

    /**
     * An ISO-8601 instant ({@code 2023-12-31T18:00:00Z}), or a date, which means the end of that
     * UTC day (its last nanosecond): {@code asOf=2023-12-31} includes everything that day.
     */
    static Optional<Instant> instant(Context ctx, String name) {
        String text = ctx.queryParam(name);
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException notAnInstant) {
            try {
                return Optional.of(LocalDate.parse(text).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1));
            } catch (DateTimeParseException e) {
                throw new BadRequestException("'" + name + "' must be an instant like 2023-12-31T18:00:00Z or a date like"
                        + " 2023-12-31 (its end), was '" + text + "'", e);
            }
        }
    }

    /** {@code by}: the period of a series, {@code month} unless asked. */
    static Periods by(Context ctx) {
        String text = ctx.queryParam("by");
        if (text == null || text.isEmpty()) {
            return Periods.MONTH;
        }
        return Periods.named(text).orElseThrow(() -> new BadRequestException(
                "'by' must be one of day, week, month, year, was '" + text + "'"));
    }

    static void checkGrowthRange(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new BadRequestException("'from' (" + from + ") is after 'to' (" + to + ")");
        }
        long days = to.toEpochDay() - from.toEpochDay() + 1;
        if (days > MAX_GROWTH_DAYS) {
            throw new BadRequestException("at most " + MAX_GROWTH_DAYS + " days per request, asked " + days);
        }
    }
}
