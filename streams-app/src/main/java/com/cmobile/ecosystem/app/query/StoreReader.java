package com.cmobile.ecosystem.app.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Reads the stores (and the status) of one instance, never forwarding. {@link LocalStores} is the real one; the
 * remote side of the internal HTTP protocol answers with exactly what it returns.
 */
public interface StoreReader {

    /** The instance whose stores this reads. */
    Instance self();

    /** One key: found, not found, hosted elsewhere, or unavailable right now. */
    Answer<JsonNode> get(String store, String key, boolean stale);

    /**
     * The keys of {@code range} after {@code afterKey}: for each local partition that can answer, its
     * first {@code limit} keys and whether it has more ({@link RangeReply.Slice#more()}).
     */
    RangeReply range(String store, KeyRange range, Optional<String> afterKey, int limit, boolean stale);

    /** This instance's Kafka Streams state and the partitions its tasks hold. */
    InstanceStatus status();
}
