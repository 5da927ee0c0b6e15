package com.cmobile.ecosystem.bench.chaos;

import com.cmobile.ecosystem.bench.chaos.ChaosHistory.Send;
import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.testkit.PeerRun;
import com.cmobile.ecosystem.testkit.PythonInterop;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Publishes chunks of the history with Confluent's Python client (testkit's
 * {@code confluent_produce.py}): its own Avro serializer and registry client, librdkafka's default
 * partitioner, idempotence on so that its retries across a broker restart keep each key's order.
 */
final class PythonChunks implements ChaosPublisher.PythonProducer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final String bootstrapServers;
    private final String registryUrl;
    private final Path work;

    PythonChunks(String bootstrapServers, String registryUrl, Path work) {
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
        this.work = work;
    }

    @Override
    public void publish(List<Send> chunk) throws Exception {
        Path plan = work.resolve("python-plan-" + chunk.get(0).index() + ".json");
        List<Map<String, Object>> records = chunk.stream().map(send -> Map.<String, Object>of(
                "schema", send.event() instanceof PopCapacityEvent ? "pop" : "partner",
                "topic", send.topic(),
                "key", send.key(),
                "value", PythonInterop.plainJson(send.event()))).toList();
        JSON.writeValue(plan.toFile(), Map.of(
                "bootstrap", bootstrapServers,
                "registry", registryUrl,
                "schemas", Map.of("pop", PopCapacityEvent.getClassSchema().toString(),
                        "partner", PartnerOnboardingEvent.getClassSchema().toString()),
                "producer", Map.of("enable.idempotence", true, "acks", "all"),
                "records", records));
        PeerRun run = PythonInterop.run(List.of(PythonInterop.PYTHON,
                PythonInterop.shippedScript("confluent_produce.py").toString(), plan.toString()), TIMEOUT);
        Files.deleteIfExists(plan);
        if (run.exitCode() != 0) {
            String output = run.output();
            throw new IllegalStateException("confluent_produce.py exited " + run.exitCode() + ": "
                    + output.substring(Math.max(0, output.length() - 600)));
        }
    }
}
