package com.cmobile.ecosystem.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * Runs Debian's Python (not whatever python is first on PATH): Debian's packages of
 * Confluent's client install there.
 */
public final class PythonInterop {

    public static final String PYTHON = "/usr/bin/python3";
    public static final String PACKAGES = "python3-confluent-kafka python3-avro python3-requests";

    private PythonInterop() {
    }

    public record Outcome(int exitCode, String output) {
    }

    /** Ends the calling test when Confluent's Python client is not installed: see {@link RequiredPeer}. */
    public static void requireConfluentClient() {
        Outcome probe;
        try {
            probe = run(List.of(PYTHON, "-c", "import confluent_kafka.avro, avro, requests"), Duration.ofSeconds(30));
        } catch (IOException e) {
            probe = new Outcome(-1, e.getMessage());
        }
        if (probe.exitCode() == 0) {
            return;
        }
        RequiredPeer.missing("Confluent's Python client, importable by " + PYTHON + " (" + probe.output().strip() + ")",
                "apt-get install -y " + PACKAGES);
    }

    /** An event as the Python scripts' plans carry it: enums as symbols, UUIDs as strings, instants as epoch millis. */
    public static Map<String, Object> plainJson(SpecificRecord event) {
        var json = new LinkedHashMap<String, Object>();
        for (Schema.Field field : event.getSchema().getFields()) {
            Object value = event.get(field.pos());
            if (value instanceof Instant instant) {
                value = instant.toEpochMilli();
            } else if (value instanceof UUID || value instanceof Enum<?> || value instanceof CharSequence) {
                value = value.toString();
            }
            json.put(field.name(), value);
        }
        return json;
    }

    /** The script's output (stdout and stderr merged) and exit code; killed after {@code timeout}. */
    public static Outcome run(List<String> command, Duration timeout) throws IOException {
        Path output = Files.createTempFile("python-interop-", ".log");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.destroyForcibly();
                return new Outcome(-1, "timed out after " + timeout + ":\n" + Files.readString(output, StandardCharsets.UTF_8));
            }
            return new Outcome(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted running " + command, e);
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
