package com.cmobile.ecosystem.local;

import com.cmobile.ecosystem.producers.EcosystemPublisher;
import com.cmobile.ecosystem.producers.PublisherConfig;
import com.cmobile.ecosystem.producers.simulator.SeedScenario;
import com.cmobile.ecosystem.producers.simulator.SeedSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Publishes the seed scenario into a data directory once. A marker file, written only after every
 * seed event was acknowledged, records that it happened, so a second start on the same data neither
 * publishes it again nor doubles the events in the topics.
 *
 * <p>If a run dies between the acknowledgements and the marker, the next start publishes the seed
 * again: the events are identical (same eventIds, same occurredAt), so the aggregates do not change;
 * only the topics hold the copies.
 */
final class SeedPublication {

    private final DataDirectory data;

    SeedPublication(DataDirectory data) {
        this.data = data;
    }

    /**
     * Whether the seed still has to be published: never published here, or the broker data it went
     * to is gone (the marker outlived a deleted {@code kafka/} directory).
     */
    boolean needed(boolean brokerDataExisted) {
        return !brokerDataExisted || !Files.exists(data.seedMarker());
    }

    /** Publishes every seed event, waits for the acknowledgements, then writes the marker. */
    SeedSimulator.Result publish(PublisherConfig config) {
        SeedSimulator.Result result;
        try (var publisher = EcosystemPublisher.create(config)) {
            result = new SeedSimulator(publisher).publish(SeedScenario.generate());
        }
        writeMarker(result);
        return result;
    }

    /** When the seed was published, as the marker says; empty when it was not. */
    Optional<String> publishedAt() {
        try {
            return Files.exists(data.seedMarker())
                    ? Files.readAllLines(data.seedMarker(), StandardCharsets.UTF_8).stream().findFirst()
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void writeMarker(SeedSimulator.Result result) {
        String text = String.format(Locale.ROOT, "%s%n%d PoP events, %d partner events%n", Instant.now(),
                result.popEvents(), result.partnerEvents());
        try {
            Files.writeString(data.seedMarker(), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("seed published, but cannot write " + data.seedMarker()
                    + "; the next start would publish it again", e);
        }
    }
}
