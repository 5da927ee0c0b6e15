package com.cmobile.ecosystem.testkit;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prometheus' own checker ({@code promtool}, Debian package {@code prometheus}), found on PATH; without
 * it the calling test is ended by {@link RequiredPeer}. Also a reader for one sample of an exposition.
 */
public final class Promtool {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private Promtool() {
    }

    /** Runs {@code promtool args...} with {@code stdin} as its input. */
    public static PeerRun run(String stdin, String... args) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of(executable().toString()));
        command.addAll(List.of(args));
        return PeerRun.of(command, Map.of(), stdin, TIMEOUT);
    }

    /** What {@code promtool check metrics} reports about an exposition, empty when it passes. */
    public static String checkMetrics(String exposition) throws IOException, InterruptedException {
        PeerRun result = run(exposition, "check", "metrics");
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
