package com.cmobile.ecosystem.app.http;

import com.cmobile.ecosystem.app.query.PageRequest;
import com.cmobile.ecosystem.app.query.QueryOptions;
import com.cmobile.ecosystem.events.Program;
import com.cmobile.ecosystem.geo.Countries;
import com.cmobile.ecosystem.geo.Region;
import io.javalin.http.Context;
import java.time.LocalDate;
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
