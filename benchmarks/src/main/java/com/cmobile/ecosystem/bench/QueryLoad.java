package com.cmobile.ecosystem.bench;

import com.cmobile.ecosystem.bench.OpenLoopClient.Target;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the query phases ask, and of whom: key lookups asked of the key's owner (local, answered from
 * its own store), the same keys asked of another instance (routed: it forwards them to the owner),
 * and a 20-item list page, which every instance answers by fanning out to all. The owners are
 * learnt once, before the phases, from {@code X-Served-By}; the client counts the answers whose
 * {@code X-Served-By} says a key moved since.
 */
final class QueryLoad {

    /** A key path and the instance (index) that owned it when the run asked. */
    record Key(String path, int owner) {
    }

    static final String LIST_PAGE = "/api/v1/capacity/countries?limit=20";

    private QueryLoad() {
    }

    /** Asks each key of {@code paths} once to learn its owner; keys no instance has are dropped. */
    static List<Key> discoverOwners(List<AppProcess> instances, List<String> paths, HttpClient http) throws Exception {
        List<Key> keys = new ArrayList<>();
        for (String path : paths) {
            var response = http.send(HttpRequest.newBuilder(instances.get(0).uri(path)).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.discarding());
            String servedBy = response.headers().firstValue("X-Served-By").orElse("");
            for (int i = 0; i < instances.size(); i++) {
                if (response.statusCode() == 200 && instances.get(i).server().equals(servedBy)) {
                    keys.add(new Key(path, i));
                }
            }
        }
        return keys;
    }

    /** Every key asked of its owner. */
    static List<Target> local(List<String> servers, List<Key> keys) {
        return keys.stream().map(k -> new Target("key", servers.get(k.owner()), k.path(), servers.get(k.owner())))
                .toList();
    }

    /** The keys owned by instance {@code instance}, asked of it. */
    static List<Target> localOn(List<String> servers, List<Key> keys, int instance) {
        return local(servers, keys.stream().filter(k -> k.owner() == instance).toList());
    }

    /** Every key asked of the next instance after its owner, which forwards it. */
    static List<Target> routed(List<String> servers, List<Key> keys) {
        if (servers.size() < 2) {
            throw new IllegalArgumentException("routed lookups need two instances");
        }
        return keys.stream().map(k -> new Target("routed", servers.get((k.owner() + 1) % servers.size()), k.path(),
                servers.get(k.owner()))).toList();
    }

    /** The list page, asked of every instance in turn. */
    static List<Target> list(List<String> servers) {
        return servers.stream().map(s -> new Target("list", s, LIST_PAGE, "-")).toList();
    }
}
