package com.cmobile.ecosystem.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One streams-app instance ({@code com.cmobile.ecosystem.app.App}) in its own JVM, so that its
 * resident memory is its own: launched with this JVM's classpath, a bounded heap and configuration
 * in environment variables, its output in a log file. Peak RSS is the kernel's high-water mark
 * ({@code VmHWM} in {@code /proc/<pid>/status}).
 */
public final class AppProcess implements AutoCloseable {

    public static final String MAIN_CLASS = "com.cmobile.ecosystem.app.App";
    /** USER_HZ: 100 on every Linux this runs on (the kernel ABI fixes it for /proc). */
    private static final int CLOCK_TICKS_PER_SECOND = 100;

    private final String name;
    private final Process process;
    private final int httpPort;
    private final Path log;

    private AppProcess(String name, Process process, int httpPort, Path log) {
        this.name = name;
        this.process = process;
        this.httpPort = httpPort;
        this.log = log;
    }

    /**
     * @param env       the app's configuration ({@code AppConfig} variables); HTTP_PORT and
     *                  APPLICATION_SERVER are added here
     * @param heap      value of {@code -Xmx}
     * @param extraArgs further JVM options (e.g. a JFR recording while profiling)
     */
    static AppProcess start(String name, Path workDirectory, Map<String, String> env, String heap,
                            List<String> extraArgs) throws IOException {
        return start(name, MAIN_CLASS, workDirectory, env, heap, extraArgs);
    }

    /** As {@link #start(String, Path, Map, String, List)}, running {@code mainClass} instead of the app. */
    static AppProcess start(String name, String mainClass, Path workDirectory, Map<String, String> env, String heap,
                            List<String> extraArgs) throws IOException {
        return start(name, mainClass, workDirectory, env, heap, extraArgs, freePort());
    }

    /**
     * The app on a given HTTP port: an instance restarted after a crash keeps its address, as a
     * supervisor restarting a container at the same address would.
     */
    public static AppProcess start(String name, String mainClass, Path workDirectory, Map<String, String> env,
                                   String heap, List<String> extraArgs, int port) throws IOException {
        Path log = workDirectory.resolve(name + ".log");
        // A restarted instance appends to the log of the one before it.
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.addAll(extraArgs);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        var builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        builder.environment().put("HTTP_PORT", Integer.toString(port));
        builder.environment().put("APPLICATION_SERVER", "127.0.0.1:" + port);
        return new AppProcess(name, builder.start(), port, log);
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    /** host:port as the app reports itself in {@code X-Served-By}. */
    public String server() {
        return "127.0.0.1:" + httpPort;
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://" + server() + pathAndQuery);
    }

    /** Waits until {@code /health/ready} answers 200; fails early if the process dies. */
    public void awaitReady(HttpClient http, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                var response = http.send(HttpRequest.newBuilder(uri("/health/ready")).timeout(Duration.ofSeconds(2))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // The JVM is still starting; ask again.
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " not ready within " + timeout + "; see " + log);
    }

    /** The last {@code lines} lines the instance logged, to explain a failure. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(no log: " + e + ")";
        }
    }

    /**
     * CPU time the process has used so far (user + system, from {@code /proc/<pid>/stat}), in
     * seconds: unlike wall-clock rates, CPU per event barely moves when other work shares the machine.
     */
    Optional<Double> cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            return Optional.of(cpuTicks(stat) / (double) CLOCK_TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * utime + stime, in clock ticks, of a {@code /proc/<pid>/stat} or {@code /proc/<pid>/task/<tid>/stat}
     * line: the fields after the command name, which is in parentheses and may hold spaces.
     */
    static long cpuTicks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** Its {@code /metrics} page (Prometheus text). */
    String metrics(HttpClient http) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri("/metrics")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Its collector's pauses so far (from its {@code /metrics}), their workers' and the JIT's CPU time (from /proc). */
    JvmOverhead jvmOverhead(HttpClient http) throws IOException, InterruptedException {
        return JvmOverhead.of(metrics(http), JvmOverhead.threadCpu(process.pid(), CLOCK_TICKS_PER_SECOND));
    }

    /** Peak resident set size so far, in MiB, or empty where /proc is not available. */
    Optional<Long> peakRssMb() {
        return procStatusKb("VmHWM").map(kb -> (kb + 1023) / 1024);
    }

    private Optional<Long> procStatusKb(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Optional.of(Long.parseLong(line.substring(field.length() + 1).replace("kB", "").strip()));
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    public int httpPort() {
        return httpPort;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL ({@code kill -9}): no shutdown hook runs, nothing is flushed or committed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " (pid " + process.pid() + ") survived SIGKILL for 30 s");
        }
    }

    /** SIGTERM (the app closes Kafka Streams cleanly), then a kill after 30 s. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    public static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
