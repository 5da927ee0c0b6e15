package com.cmobile.ecosystem.app.http;

import com.cmobile.ecosystem.app.query.Answer;
import com.cmobile.ecosystem.app.query.Page;
import com.cmobile.ecosystem.app.query.QueryOptions;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps query {@code Answer}s to responses: found 200, not found 404, unavailable 503 with
 * {@code Retry-After}. Which instance answered, and how stale a standby was, travel in headers so
 * the body of a key answer is the same whichever instance served it.
 */
final class Results {

    static final String SERVED_BY = "X-Served-By";
    static final String SERVED_FROM = "X-Served-From";
    static final String LAG = "X-Lag-Records";

    private Results() {
    }

    static <T> void single(Context ctx, Answer<T> result) {
        if (result instanceof Answer.Found<T> found) {
            if (!found.provenance().servedBy().isEmpty()) {
                ctx.header(SERVED_BY, found.provenance().servedBy());
            }
            ctx.header(SERVED_FROM, found.provenance().active() ? "active" : "standby");
            if (!found.provenance().active()) {
                ctx.header(LAG, String.valueOf(found.provenance().lagRecords()));
            }
            ctx.status(HttpStatus.OK).json(found.value());
        } else if (result instanceof Answer.NotFound<T> notFound) {
            ctx.status(HttpStatus.NOT_FOUND).json(new ApiError("not-found", notFound.message()));
        } else if (result instanceof Answer.Unavailable<T> unavailable) {
            unavailable(ctx, unavailable.reason(), unavailable.retryAfter());
        } else if (result instanceof Answer.FoundElsewhere<T> elsewhere) {
            // The query layer forwards; seeing this means ownership moved while we asked.
            unavailable(ctx, "the data moved to " + elsewhere.owner() + " while answering", Duration.ofSeconds(1));
        }
    }

    static <T> void page(Context ctx, Answer<Page<T>> result, QueryOptions options) {
        single(ctx, result.map(page -> body(page, options)));
    }

    private static Map<String, Object> body(Page<?> page, QueryOptions options) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.items());
        body.put("next", page.next().orElse(null));
        body.put("answeredBy", page.answeredBy());
        if (options.partial()) {
            body.put("missingPartitions", page.missingPartitions());
        }
        if (options.stale()) {
            body.put("staleReads", page.staleReads());
        }
        return body;
    }

    static void unavailable(Context ctx, String reason, Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        ctx.header("Retry-After", String.valueOf(seconds));
        ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(new ApiError("unavailable", reason));
    }
}
