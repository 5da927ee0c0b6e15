package com.cmobile.ecosystem.bench.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Asks random routes of random instances that are up while the faults happen, and counts the
 * answers by status. An error is a 5xx other than 503, a 400 (the harness asked something wrong),
 * a request still unanswered after the app's query timeout plus a grace, or a connection that
 * failed to an instance that was up and not killed meanwhile. A 503 is the app saying "not now"
 * while partitions move, which is allowed.
 */
final class QueryClient implements AutoCloseable {

    /** One request's outcome, as the probe and the client see it. */
    record Outcome(int status, String body, Optional<String> error) {
        boolean answered() {
            return status > 0;
        }
    }

    private final Instances instances;
    private final HttpClient http;
    private final List<String> routes;
    private final Duration timeout;
    private final long seed;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Map<String, LongAdder> byStatus = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    private final List<Thread> threads = new ArrayList<>();

    /**
     * @param queryTimeout the app's {@code QUERY_TIMEOUT_MS}: a request open longer than this plus a
     *                     grace of 2 s hangs
     */
    QueryClient(Instances instances, HttpClient http, List<String> routes, Duration queryTimeout, long seed) {
        this.instances = instances;
        this.http = http;
        this.routes = List.copyOf(routes);
        this.timeout = queryTimeout.plusSeconds(2);
        this.seed = seed;
    }

    void start(int threadCount) {
        for (int t = 0; t < threadCount; t++) {
            var random = new Random(seed + 31L * t);
            Thread thread = new Thread(() -> loop(random), "chaos-query-" + t);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    private void loop(Random random) {
        while (running.get()) {
            Optional<Integer> target = instances.randomUp(random);
            if (target.isEmpty()) {
                Pause.quietly(50);
                continue;
            }
            int instance = target.get();
            String route = routes.get(random.nextInt(routes.size()));
            int generation = instances.generation(instance);
            Outcome outcome = ask(http, instances.baseUrl(instance) + route, timeout);
            if (outcome.answered()) {
                count(Integer.toString(outcome.status()));
                if ((outcome.status() >= 500 && outcome.status() != 503) || outcome.status() == 400) {
                    errors.add("app-" + (instance + 1) + " " + route + " -> " + outcome.status() + " " + abbreviate(
                            outcome.body()));
                }
            } else if (outcome.error().orElse("").startsWith("timeout")) {
                count("hung");
                errors.add("app-" + (instance + 1) + " " + route + " -> no answer within " + timeout.toMillis() + " ms");
            } else if (!instances.isUp(instance) || instances.generation(instance) != generation) {
                // The instance was killed while the request was open: the client's connection went with it.
                count("cut by a kill");
            } else {
                count("connection failed");
                errors.add("app-" + (instance + 1) + " " + route + " -> " + outcome.error().orElse("?"));
            }
        }
    }

    /** One GET; status 0 and an error text when no answer came. */
    static Outcome ask(HttpClient http, String url, Duration timeout) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Outcome(response.statusCode(), response.body(), Optional.empty());
        } catch (HttpTimeoutException e) {
            return new Outcome(0, "", Optional.of("timeout: " + e.getMessage()));
        } catch (IOException e) {
            return new Outcome(0, "", Optional.of(e.toString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(0, "", Optional.of("interrupted"));
        }
    }

    private void count(String key) {
        byStatus.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    /** Answers by status ("200", "503", ...), plus "hung", "cut by a kill" and "connection failed". */
    Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        byStatus.forEach((k, v) -> counts.put(k, v.sum()));
        return counts;
    }

    List<String> errors() {
        return List.copyOf(errors);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(timeout.toMillis() + 1_000);
        }
    }

    private static String abbreviate(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "...";
    }

}
