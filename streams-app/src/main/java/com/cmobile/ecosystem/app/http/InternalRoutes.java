package com.cmobile.ecosystem.app.http;

import com.cmobile.ecosystem.app.query.HttpPeers;
import com.cmobile.ecosystem.app.query.KeyRange;
import com.cmobile.ecosystem.app.query.KeyReply;
import com.cmobile.ecosystem.app.query.LocalReader;
import com.cmobile.ecosystem.app.query.ValueFilter;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.Set;

/**
 * The instance-to-instance protocol, {@code /internal/v1}: answers from this instance's stores only,
 * so a forwarded request is never forwarded again. Only the queryable stores are exposed.
 */
public final class InternalRoutes {

    private final LocalReader local;
    private final Set<String> queryableStores;

    public InternalRoutes(LocalReader local, Set<String> queryableStores) {
        this.local = local;
        this.queryableStores = Set.copyOf(queryableStores);
    }

    public void register(Javalin app) {
        app.get(HttpPeers.INTERNAL + "/stores/{store}/key", ctx -> {
            String key = required(ctx, "key");
            ctx.json(KeyReply.of(local.get(store(ctx), key, Params.flag(ctx, "stale"))));
        });
        app.get(HttpPeers.INTERNAL + "/stores/{store}/range", ctx -> {
            KeyRange range = new KeyRange(text(ctx, "prefix"), text(ctx, "from"), text(ctx, "to"), filter(ctx));
            // Cursors between instances are raw keys, not the clients' opaque ones.
            Optional<String> after = Optional.ofNullable(ctx.queryParam("after"));
            ctx.json(local.range(store(ctx), range, after, Params.limit(ctx), Params.flag(ctx, "stale")));
        });
        app.get(HttpPeers.INTERNAL + "/instance", ctx -> ctx.json(local.status()));
    }

    private String store(Context ctx) {
        String store = ctx.pathParam("store");
        if (!queryableStores.contains(store)) {
            throw new BadRequestException("store '" + store + "' is not queryable");
        }
        return store;
    }

    private static ValueFilter filter(Context ctx) {
        try {
            return new ValueFilter(text(ctx, "where"), text(ctx, "equals"));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("'where' is not a JSON pointer: " + e.getMessage(), e);
        }
    }

    private static String required(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) {
            throw new BadRequestException("'" + name + "' is required");
        }
        return value;
    }

    private static String text(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null ? "" : value;
    }
}
