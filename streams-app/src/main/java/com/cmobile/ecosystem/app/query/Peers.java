package com.cmobile.ecosystem.app.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The other instances, reached through their internal endpoints, which answer from their own stores
 * only. Every call is bounded by {@code timeout}; a peer that does not answer in time is an
 * unavailable answer, never a hang.
 */
public interface Peers {

    Answer<JsonNode> get(Instance peer, String store, String key, boolean stale, Duration timeout);

    /** Completes exceptionally when the peer cannot be reached or does not answer in time. */
    CompletableFuture<RangeReply> range(Instance peer, String store, KeyRange range, Optional<String> afterKey,
                                        int limit, boolean stale, Duration timeout);

    /** Completes exceptionally when the peer cannot be reached or does not answer in time. */
    CompletableFuture<InstanceStatus> status(Instance peer, Duration timeout);
}
