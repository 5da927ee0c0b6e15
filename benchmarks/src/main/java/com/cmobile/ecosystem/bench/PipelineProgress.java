package com.cmobile.ecosystem.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the app is: the input offsets its consumer group committed, and the top-level figures
 * it answers over HTTP ({@code /api/v1/capacity}, {@code /api/v1/alliance}). The pipeline is done
 * when it committed the end of every input partition AND answers exactly the figures recomputed
 * from the generated events.
 */
final class PipelineProgress {

    private final Admin admin;
    private final String groupId;
    private final Map<TopicPartition, Long> endOffsets;
    private final AppProcess probe;
    private final HttpClient http;
    private final ObjectMapper mapper = new ObjectMapper();

    PipelineProgress(Admin admin, String groupId, Map<TopicPartition, Long> endOffsets, AppProcess probe,
                     HttpClient http) {
        this.admin = admin;
        this.groupId = groupId;
        this.endOffsets = Map.copyOf(endOffsets);
        this.probe = probe;
        this.http = http;
    }

    long inputEvents() {
        return endOffsets.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Input records whose offsets the group committed. */
    long committed() throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        long total = 0;
        for (TopicPartition partition : endOffsets.keySet()) {
            OffsetAndMetadata committed = offsets.get(partition);
            total += committed == null ? 0 : Math.min(committed.offset(), endOffsets.get(partition));
        }
        return total;
    }

    /** The figures the app answers now, if it answers. */
    Optional<ExpectedAggregates.Figures> figures() throws InterruptedException {
        try {
            JsonNode capacity = get("/api/v1/capacity");
            JsonNode alliance = get("/api/v1/alliance");
            if (capacity == null || alliance == null) {
                return Optional.empty();
            }
            Map<String, ExpectedAggregates.ProgramFigures> programs = new TreeMap<>();
            for (JsonNode p : alliance.path("programs")) {
                programs.put(p.path("program").asText(), new ExpectedAggregates.ProgramFigures(
                        p.path("members").asLong(), p.path("partners").asLong(), p.path("subscribers").asLong(),
                        p.path("countries").asLong()));
            }
            return Optional.of(new ExpectedAggregates.Figures(new ExpectedAggregates.CapacityFigures(
                    capacity.path("capacityMbps").asLong(), capacity.path("activePops").asLong(),
                    capacity.path("cities").asLong(), capacity.path("countries").asLong(),
                    capacity.path("businessLocations").asLong()),
                    alliance.path("organisations").asLong(), programs));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        var response = http.send(HttpRequest.newBuilder(probe.uri(path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return response.statusCode() == 200 ? mapper.readTree(response.body()) : null;
    }
}
