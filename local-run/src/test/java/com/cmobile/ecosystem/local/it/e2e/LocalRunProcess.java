package com.cmobile.ecosystem.local.it.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The launcher as the README runs it: {@code java -XX:TieredStopAtLevel=1 -jar local-run/target/local-run.jar ...} in a
 * child JVM, its output collected line by line so tests can wait for a line and read it all.
 */
final class LocalRunProcess implements AutoCloseable {

    static final Path JAR = Path.of("target", "local-run.jar");

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final long startedAt = System.nanoTime();
    private final Thread reader;

    private LocalRunProcess(Process process) {
        this.process = process;
        reader = new Thread(() -> collect(process.getInputStream()), "local-run-output");
        reader.setDaemon(true);
        reader.start();
    }

    static LocalRunProcess start(String... args) {
        var command = java();
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        return start(new ProcessBuilder(command));
    }

    /**
     * The streams app alone, as a deployment runs it ({@code com.cmobile.ecosystem.app.App}, configured
     * by environment variables), from the jar's class path.
     */
    static LocalRunProcess app(Map<String, String> environment) {
        var command = java();
        command.addAll(List.of("-cp", JAR.toString(), "com.cmobile.ecosystem.app.App"));
        var builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        return start(builder);
    }

    private static List<String> java() {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run the package phase first");
        }
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:TieredStopAtLevel=1");
        return command;
    }

    private static LocalRunProcess start(ProcessBuilder builder) {
        try {
            return new LocalRunProcess(builder.redirectErrorStream(true).start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + builder.command(), e);
        }
    }

    /** Waits for a line containing {@code text}; fails with the whole output when it does not come. */
    String awaitLine(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            synchronized (lines) {
                for (String line : lines) {
                    if (line.contains(text)) {
                        return line;
                    }
                }
            }
            if (!process.isAlive()) {
                throw new AssertionError("local run exited with " + process.exitValue() + " before printing '" + text
                        + "':\n" + output());
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no line with '" + text + "' within " + timeout + ":\n" + output());
    }

    /** Sends SIGTERM, as Ctrl-C or an orchestrator would, and waits for the exit code. */
    int terminate(Duration timeout) throws InterruptedException {
        // Through the handle: Process.destroy() would also close our end of the output pipe, losing what
        // the shutdown hook prints.
        process.toHandle().destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("local run did not stop within " + timeout + " of SIGTERM:\n" + output());
        }
        // The output ends with the process: read it to the end.
        reader.join(Duration.ofSeconds(10).toMillis());
        return process.exitValue();
    }

    /** Waits for the process to end by itself. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("local run still running after " + timeout + ":\n" + output());
        }
        reader.join(Duration.ofSeconds(10).toMillis());
        return process.exitValue();
    }

    Duration sinceStart() {
        return Duration.ofNanos(System.nanoTime() - startedAt);
    }

    String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    static int freePort() {
        try (var socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void collect(InputStream in) {
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                synchronized (lines) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            // The process ended; what was read is kept.
        }
    }
}
