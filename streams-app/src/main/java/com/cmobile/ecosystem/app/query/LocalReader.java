package com.cmobile.ecosystem.app.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Reads the stores (and the status) of this one instance, never forwarding: what an instance
 * answers for itself, to its own {@link ClusterQueries} and, through the internal HTTP protocol, to
 * its peers' (which reach it as {@link Peers}, and get exactly what it returns).
 * {@link StreamsLocalReader} is the real one.
 */
public interface LocalReader {

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
