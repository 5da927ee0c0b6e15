package com.cmobile.ecosystem.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.registry.SchemaRegistryClients;
import com.cmobile.ecosystem.testkit.EmbeddedKafka;
import com.cmobile.ecosystem.testkit.EmbeddedKafkaExtension;
import com.cmobile.ecosystem.testkit.PeerRun;
import com.cmobile.ecosystem.testkit.PythonInterop;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Confluent's own Python client (Debian's python3-confluent-kafka, {@code confluent_kafka.avro}'s
 * {@code CachedSchemaRegistryClient}) against our server: the one testkit's {@code EmbeddedKafka}
 * starts through {@link SchemaRegistryServerProvider}, as every module's ITs get it. The serdes'
 * side of the interop is checked in schemas.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class ConfluentPythonClientAgainstServerIT {

    private static final Path SCRIPT = Path.of("src", "test", "python", "confluent_registry.py");
    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Schema> EVENT_SCHEMAS = Map.of(
            "pop", PopCapacityEvent.getClassSchema(),
            "partner", PartnerOnboardingEvent.getClassSchema());

    @BeforeAll
    static void confluentClientIsInstalled() {
        PythonInterop.requireConfluentClient();
    }

    @Test
    void confluentsClientFetchesWhatOurClientRegisteredAndGetsTheSameIdsUnderNewSubjects(EmbeddedKafka kafka,
                                                                                          @TempDir Path work)
            throws Exception {
        // given the event schemas, registered by our Java client
        var schemas = new HashMap<String, String>();
        var javaIds = new HashMap<String, Integer>();
        var pythonSubjects = new HashMap<String, String>();
        try (var client = SchemaRegistryClients.create(kafka.schemaRegistryUrl(), Map.of())) {
            EVENT_SCHEMAS.forEach((name, schema) -> {
                schemas.put(name, schema.toString());
                javaIds.put(name, client.register(kafka.uniqueName("java-" + name) + "-value", schema));
                pythonSubjects.put(name, kafka.uniqueName("python-" + name) + "-value");
            });
        }

        // when Confluent's client fetches them by id, registers them under its own subjects, looks them up
        Path plan = work.resolve("plan.json");
        Files.writeString(plan, JSON.writeValueAsString(Map.of("registry", kafka.schemaRegistryUrl(),
                "schemas", schemas, "java_ids", javaIds, "subjects", pythonSubjects)));
        PeerRun run = PythonInterop.run(List.of(PythonInterop.PYTHON, SCRIPT.toAbsolutePath().toString(),
                plan.toString()), SCRIPT_TIMEOUT);

        // then every check in the script passed: same schemas, same ids, versions, lookups, compatibility
        assertThat(run.exitCode()).as("confluent_registry.py output:%n%s", run.output()).isZero();
    }
}
