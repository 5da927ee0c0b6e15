package com.cmobile.ecosystem.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop HTTP client (loopback only) measuring the public API while events arrive: key
 * queries answered by the instance asked (local), key queries that instance forwards to the key's
 * owner (routed), and list queries fanned out to every instance. Each thread sends one request,
 * waits for the answer, records its latency in an HdrHistogram and sends the next; the first
 * {@code warmUp} is not recorded. A key query is classed by the {@code X-Served-By} header of its
 * answer, so a key that moved between instances lands in the class of what really happened.
 */
final class QueryLoad {

    /** A key query target: the path and the instance owning the key when the run began. */
    record Key(String path, int owner) {
    }

    /** What the client measured; latencies in microseconds. */
    record Result(Histogram local, Histogram routed, Histogram fanout, long answered, long failed,
                  Map<Integer, Long> failuresByStatus, double seconds) {
        double queriesPerSecond() {
            return answered / seconds;
        }
    }

    private static final long MAX_LATENCY_US = TimeUnit.SECONDS.toMicros(30);
    private static final String FANOUT_PATH = "/api/v1/capacity/countries?limit=20";

    private final List<AppProcess> instances;
    private final List<Key> keys;
    private final HttpClient http;

    QueryLoad(List<AppProcess> instances, List<Key> keys, HttpClient http) {
        if (instances.size() < 2) {
            throw new IllegalArgumentException("routed and fanned-out queries need two instances");
        }
        this.instances = List.copyOf(instances);
        this.keys = List.copyOf(keys);
        this.http = http;
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

    /**
     * Runs {@code threads} clients for {@code warmUp + duration}. Of each thread's requests, 40% are
     * key queries to the owner, 40% key queries to another instance, 20% fanned-out lists.
     */
    Result run(int threads, Duration warmUp, Duration duration, long seed) throws Exception {
        if (keys.isEmpty()) {
            throw new IllegalStateException("no key with a known owner to query");
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            long recordFrom = start + warmUp.toNanos();
            long end = recordFrom + duration.toNanos();
            List<Future<Tally>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long threadSeed = seed + t;
                parts.add(pool.submit(() -> client(new Random(threadSeed), recordFrom, end)));
            }
            Tally all = new Tally();
            for (Future<Tally> part : parts) {
                all.add(part.get(warmUp.plus(duration).toMillis() + 60_000, TimeUnit.MILLISECONDS));
            }
            return all.result(duration.toNanos() / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private Tally client(Random random, long recordFrom, long end) throws InterruptedException {
        Tally tally = new Tally();
        for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
            int kind = random.nextInt(10);
            URI uri;
            int asked;
            if (kind < 8) {
                Key key = keys.get(random.nextInt(keys.size()));
                asked = kind < 4 ? key.owner() : (key.owner() + 1 + random.nextInt(instances.size() - 1)) % instances.size();
                uri = instances.get(asked).uri(key.path());
            } else {
                asked = random.nextInt(instances.size());
                uri = instances.get(asked).uri(FANOUT_PATH);
            }
            long sent = System.nanoTime();
            int status;
            String servedBy;
            try {
                var response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                status = response.statusCode();
                servedBy = response.headers().firstValue("X-Served-By").orElse("");
            } catch (java.io.IOException e) {
                status = -1;
                servedBy = "";
            }
            long micros = (System.nanoTime() - sent) / 1_000;
            if (sent < recordFrom) {
                continue;
            }
            if (status != 200 && status != 404) {
                tally.failed++;
                tally.failures.merge(status, 1L, Long::sum);
                continue;
            }
            tally.answered++;
            Histogram target;
            if (kind >= 8) {
                target = tally.fanout;
            } else if (servedBy.isEmpty()) {
                // A 404 carries no X-Served-By: class it by the owner seen when the run began.
                target = kind < 4 ? tally.local : tally.routed;
            } else {
                target = servedBy.equals(instances.get(asked).server()) ? tally.local : tally.routed;
            }
            target.recordValue(Math.min(micros, MAX_LATENCY_US));
        }
        return tally;
    }

    /** What one client thread counted, or all of them added up. */
    private static final class Tally {
        final Histogram local = histogram();
        final Histogram routed = histogram();
        final Histogram fanout = histogram();
        long answered;
        long failed;
        final Map<Integer, Long> failures = new HashMap<>();

        void add(Tally other) {
            local.add(other.local);
            routed.add(other.routed);
            fanout.add(other.fanout);
            answered += other.answered;
            failed += other.failed;
            other.failures.forEach((status, n) -> failures.merge(status, n, Long::sum));
        }

        Result result(double seconds) {
            return new Result(local, routed, fanout, answered, failed, failures, seconds);
        }

        private static Histogram histogram() {
            return new Histogram(MAX_LATENCY_US, 3);
        }
    }
}
