package com.cmobile.ecosystem.local.it.query;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Prometheus' own checker for the exposition format, and a reader for one sample. */
final class Promtool {

    private Promtool() {
    }

    /**
     * What {@code promtool check metrics} reports, empty when the text passes. Without promtool the
     * calling test fails on CI (CI=true) and is skipped elsewhere.
     */
    static String check(String exposition) throws IOException, InterruptedException {
        Path promtool = null;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "promtool"))) {
                promtool = Path.of(dir, "promtool");
                break;
            }
        }
        if (promtool == null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("promtool is required on CI (Debian package 'prometheus')");
            }
            assumeTrue(false, "promtool not installed");
        }
        Process process = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
        process.getOutputStream().write(exposition.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return "promtool did not finish";
        }
        return process.exitValue() == 0 ? "" : output + " (exit " + process.exitValue() + ")";
    }

    /** The value of an unlabelled sample, e.g. {@code ecosystem_capacity_mbps 3000.0}. */
    static double sample(String exposition, String name) {
        return exposition.lines().filter(line -> line.startsWith(name + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(name.length() + 1).trim()))
                .findFirst().orElseThrow(() -> new AssertionError("no sample " + name));
    }
}
