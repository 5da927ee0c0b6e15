package com.cmobile.ecosystem.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of a real peer's program ({@link PythonInterop}'s Python, {@link Promtool}): its exit code
 * and its output, stdout and stderr merged; exit code -1 when it was killed for taking too long.
 */
public record PeerRun(int exitCode, String output) {

    /** Runs {@code command} with {@code stdin} as its input and {@code environment} added to ours. */
    static PeerRun of(List<String> command, Map<String, String> environment, String stdin, Duration timeout)
            throws IOException {
        // Output goes to a file, not a pipe: a peer that writes much cannot block, so the timeout holds.
        Path output = Files.createTempFile("peer-run-", ".log");
        try {
            var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return new PeerRun(-1, "timed out after " + timeout + ": " + command + "\n"
                        + Files.readString(output, StandardCharsets.UTF_8));
            }
            return new PeerRun(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted running " + command, e);
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
