package com.cmobile.ecosystem.testkit;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus' own checker ({@code promtool}, Debian package {@code prometheus}), found on PATH; without
 * it the calling test is ended by {@link RequiredPeer}. Also a reader for one sample of an exposition.
 */
public final class Promtool {

    private Promtool() {
    }

    /** Exit code and output (stdout and stderr merged) of one promtool run. */
    public record Result(int exitCode, String output) {
    }

    /** Runs {@code promtool args...} with {@code stdin} as its input. */
    public static Result run(String stdin, String... args) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of(executable().toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("promtool did not finish within 60 s: " + command);
        }
        return new Result(process.exitValue(), output);
    }

    /** What {@code promtool check metrics} reports about an exposition, empty when it passes. */
    public static String checkMetrics(String exposition) throws IOException, InterruptedException {
        Result result = run(exposition, "check", "metrics");
        return result.exitCode() == 0 ? "" : result.output() + " (exit " + result.exitCode() + ")";
    }

    /** The value of an unlabelled sample, e.g. {@code ecosystem_capacity_mbps 3000.0}. */
    public static double sample(String exposition, String name) {
        return exposition.lines().filter(line -> line.startsWith(name + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(name.length() + 1).trim()))
                .findFirst().orElseThrow(() -> new AssertionError("no sample " + name));
    }

    private static Path executable() {
        Optional<Path> found = List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
                .map(dir -> Path.of(dir, "promtool"))
                .filter(Files::isExecutable)
                .findFirst();
        if (found.isEmpty()) {
            RequiredPeer.missing("promtool", "apt-get install prometheus");
        }
        return found.orElseThrow();
    }
}
