package com.cmobile.ecosystem.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A process a test starts, typically a JVM ({@link #java()}), its output (stdout and stderr
 * merged) collected line by line: the test can wait for a line, stop the process as an
 * orchestrator would (SIGTERM) and read all it printed, including what its shutdown hooks print.
 */
public final class ChildProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final long startedAt = System.nanoTime();
    private final Thread reader;

    private ChildProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        reader = new Thread(() -> collect(process.getInputStream()), name.replace(' ', '-') + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * This JVM's {@code java} launcher with the C1 compiler only ({@code -XX:TieredStopAtLevel=1}), as
     * the README runs the launcher: a JVM that lives for seconds starts faster. Add options, class
     * path and main class or {@code -jar} to the list.
     */
    public static List<String> java() {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:TieredStopAtLevel=1");
        return command;
    }

    /**
     * Starts {@code builder}'s command, its error stream merged into its output.
     *
     * @param name what failure messages call the process, e.g. {@code "local run"}
     */
    public static ChildProcess start(String name, ProcessBuilder builder) {
        try {
            return new ChildProcess(name, builder.redirectErrorStream(true).start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + builder.command(), e);
        }
    }

    /** Waits for a line containing {@code text}; fails with the whole output when it does not come. */
    public String awaitLine(String text, Duration timeout) throws InterruptedException {
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
                throw new AssertionError(name + " exited with " + process.exitValue() + " before printing '" + text
                        + "':\n" + output());
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no line with '" + text + "' within " + timeout + ":\n" + output());
    }

    /** Sends SIGTERM, as Ctrl-C or an orchestrator would, and waits for the exit code. */
    public int terminate(Duration timeout) throws InterruptedException {
        // Through the handle: Process.destroy() would also close our end of the output pipe, losing what
        // the shutdown hook prints.
        process.toHandle().destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(name + " did not stop within " + timeout + " of SIGTERM:\n" + output());
        }
        // The output ends with the process: read it to the end.
        reader.join(Duration.ofSeconds(10).toMillis());
        return process.exitValue();
    }

    /** Waits for the process to end by itself. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " still running after " + timeout + ":\n" + output());
        }
        reader.join(Duration.ofSeconds(10).toMillis());
        return process.exitValue();
    }

    public Duration sinceStart() {
        return Duration.ofNanos(System.nanoTime() - startedAt);
    }

    /** Every line printed so far. */
    public String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    /** Kills the process if it is still running. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
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
