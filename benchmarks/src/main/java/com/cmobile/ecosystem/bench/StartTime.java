package com.cmobile.ecosystem.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code start_s}: the all-in-one jar as the README runs it ({@code java -XX:TieredStopAtLevel=1 -jar
 * local-run/target/local-run.jar --fresh}), in a child process with its own data directory and free
 * ports, timed from just before the process is started to the first answer of
 * {@code /api/v1/capacity} that carries the seed's figures (polled every 50 ms over a kept-alive
 * connection). Everything else of the benchmark has stopped by then.
 */
final class StartTime {

    /** The seed's figures: 310 Tbps over 360 active PoPs in 284 cities, 40 business locations. */
    static boolean isSeed(JsonNode capacity) {
        return capacity.path("capacityMbps").asLong() == 310_000_000L && capacity.path("activePops").asLong() == 360
                && capacity.path("cities").asLong() == 284 && capacity.path("businessLocations").asLong() == 40;
    }

    private StartTime() {
    }

    /** Seconds from launch to the seed's figures; fails if they do not come within {@code timeout}. */
    static double measure(Path jar, Path work, Duration timeout) throws IOException, InterruptedException {
        int httpPort = AppProcess.freePort();
        Path dataDir = work.resolve("local-run-data");
        Path log = work.resolve("local-run.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "--fresh", "--data-dir", dataDir.toString(),
                "--kafka-port", "0", "--registry-port", "0", "--http-port", Integer.toString(httpPort)));
        var json = new ObjectMapper();
        var builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        long start = System.nanoTime();
        Process process = builder.start();
        try (var connection = new RawHttpConnection("127.0.0.1", httpPort)) {
            byte[] request = connection.request("/api/v1/capacity");
            long until = start + timeout.toNanos();
            while (System.nanoTime() < until) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("local-run.jar exited with " + process.exitValue() + ": "
                            + tail(log));
                }
                try {
                    var answer = connection.send(request);
                    if (answer.status() == 200 && isSeed(json.readTree(answer.body()))) {
                        return (System.nanoTime() - start) / 1e9;
                    }
                } catch (IOException notYet) {
                    connection.close();
                }
                Thread.sleep(50);
            }
            throw new IllegalStateException("local-run.jar did not answer the seed's figures within " + timeout
                    + ": " + tail(log));
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
