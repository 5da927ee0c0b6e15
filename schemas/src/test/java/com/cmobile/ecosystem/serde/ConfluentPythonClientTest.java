package com.cmobile.ecosystem.serde;

import static com.cmobile.ecosystem.testing.SampleEvents.pop;
import static org.assertj.core.api.Assertions.assertThat;

import com.cmobile.ecosystem.events.PopAction;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.registry.MockRegistryFront;
import com.cmobile.ecosystem.testkit.PeerRun;
import com.cmobile.ecosystem.testkit.PythonInterop;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Byte-level interoperability with Confluent's own Python client ({@code confluent_kafka.avro}'s
 * MessageSerializer, Debian's python3-confluent-kafka), both registering in one registry (a
 * {@link MockRegistryFront}). Without that client it fails on CI ({@code CI=true}) and is skipped
 * elsewhere (testkit's {@code RequiredPeer}). The same check through a broker is
 * {@link ConfluentPythonClientIT}.
 */
class ConfluentPythonClientTest {

    private static final Path SCRIPT = Path.of("src", "test", "python", "confluent_wire.py");
    private static final Path SCHEMA_FILE = Path.of("src", "main", "avro", "com", "cmobile", "ecosystem", "events", "PopCapacityEvent.avsc");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MockRegistryFront registry = MockRegistryFront.start();

    @BeforeAll
    static void confluentClientIsInstalled() {
        PythonInterop.requireConfluentClient();
    }

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    @Test
    void confluentsClientReadsWhatOurSerializerWrote() throws Exception {
        PopCapacityEvent event = pop().setAction(PopAction.CAPACITY_CHANGED).build();
        byte[] bytes = EventSerdes.popCapacity(registryConfig()).serializer().serialize("pop-capacity", event);

        PeerRun decoded = wire(HexFormat.of().formatHex(bytes), "decode", registry.url());

        assertThat(decoded.exitCode()).as(decoded.output()).isZero();
        JsonNode record = JSON.readTree(decoded.output());
        assertThat(record.get("eventId").asText()).isEqualTo(event.getEventId().toString());
        assertThat(record.get("popId").asText()).isEqualTo(event.getPopId());
        assertThat(record.get("action").asText()).isEqualTo("CAPACITY_CHANGED");
        assertThat(record.get("capacityMbps").asLong()).isEqualTo(event.getCapacityMbps());
        assertThat(record.get("occurredAt").asLong()).isEqualTo(event.getOccurredAt().toEpochMilli());
    }

    @Test
    void ourDeserializerReadsWhatConfluentsClientWrote() throws Exception {
        PopCapacityEvent event = pop().build();

        PeerRun encoded = wire(JSON.writeValueAsString(PythonInterop.plainJson(event)),
                "encode", registry.url(), "pop-capacity", SCHEMA_FILE.toString());

        assertThat(encoded.exitCode()).as(encoded.output()).isZero();
        byte[] bytes = HexFormat.of().parseHex(encoded.output().strip());
        assertThat(bytes[0]).isZero();
        PopCapacityEvent read = EventSerdes.popCapacity(registryConfig()).deserializer().deserialize("pop-capacity", bytes);
        assertThat(read).isEqualTo(event);
    }

    private Map<String, Object> registryConfig() {
        return Map.of("schema.registry.url", registry.url());
    }

    private static PeerRun wire(String stdin, String... args) throws Exception {
        var command = new ArrayList<>(List.of(PythonInterop.PYTHON, SCRIPT.toString()));
        command.addAll(List.of(args));
        return PythonInterop.run(command, stdin, TIMEOUT);
    }
}
