package com.cmobile.ecosystem.bench;

import com.cmobile.ecosystem.app.oracle.Expected;
import com.cmobile.ecosystem.app.oracle.HttpAnswer;
import com.cmobile.ecosystem.app.oracle.NaiveAnswers;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the app is: the input offsets its consumer group committed, and how its answers over HTTP
 * differ from the ones recomputed from the generated events. The pipeline is done when it committed
 * the end of every input partition AND answers exactly the recomputed top-level figures
 * ({@code /api/v1/capacity}, {@code /api/v1/alliance}, see {@link NaiveAnswers#totals()}).
 */
final class PipelineProgress {

    private final Admin admin;
    private final String groupId;
    private final Map<TopicPartition, Long> endOffsets;
    private final AppProcess probe;
    private final HttpClient http;

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

    /**
     * How the app's answers to the routes of {@code expected} differ from them now: empty once it
     * answers exactly the recomputed figures.
     */
    List<String> differences(Map<String, Expected> expected) {
        try {
            return NaiveAnswers.differences(expected, route -> HttpAnswer.get(http, probe.uri(route),
                    Duration.ofSeconds(5)));
        } catch (UncheckedIOException e) {
            return List.of("no answer from " + probe.name() + ": " + e.getMessage());
        }
    }
}
