package com.cmobile.ecosystem.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * Runs Debian's Python (not whatever python is first on PATH): Debian's packages of
 * Confluent's client install there. Scripts it runs can {@code import interop}, which this kit
 * ships: the Python half of {@link #plainJson} ({@code to_avro}, {@code from_avro}) and
 * {@code check}/{@code run_checks}, which print a line per check and stop at the first mismatch.
 */
public final class PythonInterop {

    public static final String PYTHON = "/usr/bin/python3";
    public static final String PACKAGES = "python3-confluent-kafka python3-avro python3-requests";

    private static final String HELPERS = "interop.py";
    /** Scripts this kit ships beside {@value #HELPERS}. */
    private static final List<String> SHIPPED = List.of(HELPERS, "confluent_produce.py");

    private static Path helpers;

    private PythonInterop() {
    }

    /** Ends the calling test when Confluent's Python client is not installed: see {@link RequiredPeer}. */
    public static void requireConfluentClient() {
        confluentClientProblem().ifPresent(problem -> RequiredPeer.missing(problem, "apt-get install -y " + PACKAGES));
    }

    /**
     * Why Confluent's Python client cannot run here, if it cannot: for callers outside a test (the
     * fault-injection run), which have no JUnit to skip with.
     */
    public static Optional<String> confluentClientProblem() {
        PeerRun probe;
        try {
            probe = run(List.of(PYTHON, "-c", "import confluent_kafka.avro, avro, requests"), Duration.ofSeconds(30));
        } catch (IOException e) {
            probe = new PeerRun(-1, e.getMessage());
        }
        if (probe.exitCode() == 0) {
            return Optional.empty();
        }
        return Optional.of("Confluent's Python client, importable by " + PYTHON + " (" + probe.output().strip() + ")");
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
    public static PeerRun run(List<String> command, Duration timeout) throws IOException {
        return run(command, "", timeout);
    }

    /** As {@link #run(List, Duration)}, with {@code stdin} as the script's input. */
    public static PeerRun run(List<String> command, String stdin, Duration timeout) throws IOException {
        // No __pycache__ beside the scripts in src/test/python.
        return PeerRun.of(command, Map.of("PYTHONPATH", helpers().toString(), "PYTHONDONTWRITEBYTECODE", "1"),
                stdin, timeout);
    }

    /**
     * A script this kit ships, as a file to run: {@code confluent_produce.py} publishes a plan of
     * records with Confluent's producer and its default partitioner (see the script's docstring).
     */
    public static Path shippedScript(String name) throws IOException {
        if (!SHIPPED.contains(name)) {
            throw new IllegalArgumentException("testkit ships no script " + name + "; it ships " + SHIPPED);
        }
        return helpers().resolve(name);
    }

    /** A directory holding the shipped scripts, copied once per JVM from this kit's resources. */
    private static synchronized Path helpers() throws IOException {
        if (helpers == null) {
            Path directory = Files.createTempDirectory("testkit-python-");
            directory.toFile().deleteOnExit();
            for (String name : SHIPPED) {
                Path file = directory.resolve(name);
                try (InputStream in = PythonInterop.class.getResourceAsStream(name)) {
                    Files.copy(Objects.requireNonNull(in, name + " is missing from testkit's jar"), file);
                }
                file.toFile().deleteOnExit();
            }
            helpers = directory;
        }
        return helpers;
    }
}
