package com.cmobile.ecosystem.bench.chaos;

import com.cmobile.ecosystem.bench.AppProcess;
import com.cmobile.ecosystem.bench.ExperimentOptions;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.Stream;

/**
 * The app instances of a run, each a child JVM at a fixed HTTP port with its own state directory.
 * An instance is <em>up</em> from the moment {@code /health/ready} answers until it is killed, as a
 * load balancer using the readiness probe would see it; the query client asks only instances that
 * are up.
 */
final class Instances implements AutoCloseable {

    /**
     * The quick compiler only, as the README's local run: a restarted instance is ready sooner on a
     * small machine, and this run measures correctness and failover, not throughput.
     */
    private static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1");

    /**
     * Options added to every instance's JVM from {@code -Dchaos.appJvmOptions} (space-separated), for
     * looking inside a run, e.g. {@code -Dlogback.configurationFile=<file>} with Kafka Streams' assignor
     * and restoration at INFO.
     */
    private static List<String> jvmOptions() {
        List<String> options = new ArrayList<>(JVM_OPTIONS);
        options.addAll(ExperimentOptions.words(System.getProperty("chaos.appJvmOptions", "")));
        return List.copyOf(options);
    }

    private final Path work;
    private final Map<String, String> sharedEnv;
    private final String heap;
    private final HttpClient http;
    private final List<AppProcess> processes = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();
    /** 1 while the instance is up; its generation counts starts and kills, so a request can tell it spans a kill. */
    private final AtomicIntegerArray up;
    private final AtomicIntegerArray generation;

    Instances(Path work, Map<String, String> sharedEnv, String heap, int count, HttpClient http) throws IOException {
        this.work = work;
        this.sharedEnv = Map.copyOf(sharedEnv);
        this.heap = heap;
        this.http = http;
        this.up = new AtomicIntegerArray(count);
        this.generation = new AtomicIntegerArray(count);
        for (int i = 0; i < count; i++) {
            ports.add(AppProcess.freePort());
            processes.add(null);
        }
    }

    int size() {
        return ports.size();
    }

    Path stateDirectory(int instance) {
        return work.resolve("state-" + (instance + 1));
    }

    /** Starts instance {@code i} (again) on its port and state directory; does not wait for readiness. */
    synchronized void start(int i) throws IOException {
        Map<String, String> env = new HashMap<>(sharedEnv);
        env.put("STATE_DIR", stateDirectory(i).toString());
        generation.incrementAndGet(i);
        processes.set(i, AppProcess.start("app-" + (i + 1), AppProcess.MAIN_CLASS, work, env, heap, jvmOptions(),
                ports.get(i)));
    }

    /** Waits until instance {@code i} is ready, then counts it as up. */
    void awaitReady(int i, Duration timeout) throws IOException, InterruptedException {
        process(i).awaitReady(http, timeout);
        up.set(i, 1);
    }

    /** SIGKILL; the instance is down from before the signal on, and its generation ends. */
    void kill(int i) throws InterruptedException {
        up.set(i, 0);
        generation.incrementAndGet(i);
        process(i).kill();
    }

    /** Deletes the state directory of a killed instance, as a replacement on a new machine would start. */
    void wipeState(int i) throws IOException {
        Path state = stateDirectory(i);
        if (Files.exists(state)) {
            try (Stream<Path> paths = Files.walk(state)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    boolean isUp(int i) {
        return up.get(i) == 1;
    }

    int generation(int i) {
        return generation.get(i);
    }

    /** Whether every instance is up. */
    boolean allUp() {
        for (int i = 0; i < size(); i++) {
            if (!isUp(i)) {
                return false;
            }
        }
        return true;
    }

    /** A random instance that is up, if any. */
    Optional<Integer> randomUp(Random random) {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            if (isUp(i)) {
                candidates.add(i);
            }
        }
        return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(random.nextInt(candidates.size())));
    }

    synchronized AppProcess process(int i) {
        return processes.get(i);
    }

    String baseUrl(int i) {
        return "http://127.0.0.1:" + ports.get(i);
    }

    String logTail(int i, int lines) {
        AppProcess process = process(i);
        return process == null ? "(never started)" : process.logTail(lines);
    }

    /** Stops every instance at once (SIGTERM, then SIGKILL after 30 s), not one after the other. */
    @Override
    public synchronized void close() {
        processes.stream().filter(p -> p != null).map(p -> new Thread(p::close, "chaos-close-" + p.name()))
                .peek(Thread::start).toList()
                .forEach(thread -> {
                    try {
                        thread.join();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
    }
}
