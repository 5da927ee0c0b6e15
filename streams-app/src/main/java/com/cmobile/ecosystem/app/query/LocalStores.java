package com.cmobile.ecosystem.app.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.LagInfo;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.query.FailureReason;
import org.apache.kafka.streams.query.KeyQuery;
import org.apache.kafka.streams.query.RangeQuery;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.query.StateQueryResult;
import org.apache.kafka.streams.query.VersionedKeyQuery;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.VersionedRecord;

/**
 * Reads this instance's state stores with Kafka Streams' interactive queries v2, and never
 * anything else: a key it does not host answers {@link QueryResult.FoundElsewhere},
 * so a request forwarded here cannot be forwarded again.
 *
 * <p>Reads require the active task unless the caller accepts stale answers; a partition that is
 * migrating or restoring answers {@link QueryResult.Unavailable}
 * at once rather than being waited for.
 */
public final class LocalStores implements StoreReader {

    private final KafkaStreams streams;
    private final Instance self;
    private final StoreValues values;
    private final Duration retryAfter;

    public LocalStores(KafkaStreams streams, Instance self, StoreValues values, Duration retryAfter) {
        this.streams = streams;
        this.self = self;
        this.values = values;
        this.retryAfter = retryAfter;
    }

    @Override
    public Instance self() {
        return self;
    }

    @Override
    public QueryResult<JsonNode> get(String store, String key, boolean stale) {
        return guarded(store, () -> lookUp(store, key, stale));
    }

    @Override
    public RangeReply range(String store, KeyRange range, Optional<String> afterKey, int limit, boolean stale) {
        if (!isQueryable()) {
            return new RangeReply(self.toString(), List.of(), List.of(new RangeReply.Failure(-1, notQueryableReason())));
        }
        try {
            return scan(store, range, afterKey, limit, stale);
        } catch (RuntimeException e) {
            // Typically InvalidStateStoreException while a rebalance closes or opens stores.
            return new RangeReply(self.toString(), List.of(),
                    List.of(new RangeReply.Failure(-1, "store '" + store + "' cannot be read now: " + e)));
        }
    }

    private QueryResult<JsonNode> lookUp(String store, String key, boolean stale) {
        KeyQueryMetadata metadata = streams.queryMetadataForKey(store, key, Serdes.String().serializer());
        if (metadata == null || metadata.equals(KeyQueryMetadata.NOT_AVAILABLE)
                || Instance.of(metadata.activeHost()).isUnknown()) {
            return unavailable("no instance owns the partition of key '" + key + "' in store '" + store
                    + "' yet (rebalancing)");
        }
        Instance owner = Instance.of(metadata.activeHost());
        List<Instance> standbys = metadata.standbyHosts().stream().map(Instance::of).sorted().toList();
        boolean activeHere = owner.equals(self);
        if (!activeHere && !(stale && standbys.contains(self))) {
            return new QueryResult.FoundElsewhere<>(owner, standbys, metadata.partition());
        }
        int partition = metadata.partition();
        org.apache.kafka.streams.query.QueryResult<Object> result = keyQuery(store, key, partition, activeHere);
        boolean active = activeHere;
        if (stale && activeHere && (result == null || result.isFailure())) {
            // The active task is restoring: a stale-tolerant caller may read what it has so far.
            result = keyQuery(store, key, partition, false);
            active = false;
        }
        if (result == null) {
            return unavailable("partition " + partition + " of store '" + store + "' is assigned to " + self
                    + " but not open yet (migrating or restoring)");
        }
        if (result.isFailure()) {
            return unavailable("partition " + partition + " of store '" + store + "' on " + self + " cannot answer: "
                    + result.getFailureReason() + " " + result.getFailureMessage());
        }
        Object value = result.getResult();
        if (value == null) {
            return new QueryResult.NotFound<>("no '" + key + "' in " + store);
        }
        long lag = active ? 0 : lagOf(store, partition);
        return new QueryResult.Found<>(values.toJson(value),
                new Provenance(self.toString(), partition, active, lag));
    }

    /** KeyQuery, or VersionedKeyQuery for a versioned store (which answers KeyQuery with UNKNOWN_QUERY_TYPE). */
    private org.apache.kafka.streams.query.QueryResult<Object> keyQuery(String store, String key, int partition, boolean requireActive) {
        StateQueryRequest<Object> request = StateQueryRequest.inStore(store)
                .withQuery(KeyQuery.<String, Object>withKey(key))
                .withPartitions(Set.of(partition));
        org.apache.kafka.streams.query.QueryResult<Object> result = streams.query(requireActive ? request.requireActive() : request)
                .getPartitionResults().get(partition);
        if (result != null && result.isFailure() && result.getFailureReason() == FailureReason.UNKNOWN_QUERY_TYPE) {
            StateQueryRequest<VersionedRecord<Object>> versioned = StateQueryRequest.inStore(store)
                    .withQuery(VersionedKeyQuery.<String, Object>withKey(key))
                    .withPartitions(Set.of(partition));
            org.apache.kafka.streams.query.QueryResult<VersionedRecord<Object>> v = streams.query(requireActive ? versioned.requireActive() : versioned)
                    .getPartitionResults().get(partition);
            if (v == null) {
                return null;
            }
            return v.isSuccess()
                    ? org.apache.kafka.streams.query.QueryResult.forResult(v.getResult() == null ? null : v.getResult().value())
                    : org.apache.kafka.streams.query.QueryResult.forFailure(v.getFailureReason(), v.getFailureMessage());
        }
        return result;
    }

    private RangeReply scan(String store, KeyRange range, Optional<String> afterKey, int limit, boolean stale) {
        String lower = afterKey.filter(a -> KeyOrder.compare(a, range.lowerBound()) > 0).orElse(range.lowerBound());
        RangeQuery<String, Object> query = (lower.isEmpty()
                ? RangeQuery.<String, Object>withNoBounds()
                : RangeQuery.<String, Object>withLowerBound(lower)).withAscendingKeys();
        List<RangeReply.Slice> slices = new ArrayList<>();
        List<RangeReply.Failure> failures = new ArrayList<>();
        // Active partitions first; what fails there (standbys, restoring) is read again only if stale reads are allowed.
        StateQueryResult<KeyValueIterator<String, Object>> active =
                streams.query(StateQueryRequest.inStore(store).withQuery(query).withAllPartitions().requireActive());
        List<Integer> notActive = new ArrayList<>();
        active.getPartitionResults().forEach((partition, result) -> {
            if (result.isSuccess()) {
                slices.add(slice(partition, true, 0, result.getResult(), range, afterKey, limit));
            } else {
                notActive.add(partition);
                failures.add(new RangeReply.Failure(partition, result.getFailureReason() + ": " + result.getFailureMessage()));
            }
        });
        if (stale && !notActive.isEmpty()) {
            StateQueryResult<KeyValueIterator<String, Object>> any = streams.query(
                    StateQueryRequest.inStore(store).withQuery(query).withPartitions(Set.copyOf(notActive)));
            Map<Integer, LagInfo> lags = lags(store);
            any.getPartitionResults().forEach((partition, result) -> {
                if (result.isSuccess()) {
                    LagInfo lag = lags.get(partition);
                    slices.add(slice(partition, false, lag == null ? -1 : lag.offsetLag(), result.getResult(),
                            range, afterKey, limit));
                    failures.removeIf(f -> f.partition() == partition);
                }
            });
        }
        return new RangeReply(self.toString(), slices, failures);
    }

    private RangeReply.Slice slice(int partition, boolean active, long lag, KeyValueIterator<String, Object> iterator,
                                   KeyRange range, Optional<String> afterKey, int limit) {
        List<StoreEntry> entries = new ArrayList<>();
        boolean more = false;
        try (iterator) {
            while (iterator.hasNext()) {
                KeyValue<String, Object> next = iterator.next();
                if (range.isPast(next.key)) {
                    break;
                }
                if (!range.contains(next.key) || afterKey.filter(a -> KeyOrder.compare(next.key, a) <= 0).isPresent()
                        || next.value == null) {
                    continue;
                }
                JsonNode value = values.toJson(next.value);
                if (!range.where().matches(value)) {
                    continue;
                }
                if (entries.size() == limit) {
                    more = true;
                    break;
                }
                entries.add(new StoreEntry(next.key, value));
            }
        }
        return new RangeReply.Slice(partition, active, lag, entries, more);
    }

    private long lagOf(String store, int partition) {
        LagInfo lag = lags(store).get(partition);
        return lag == null ? -1 : lag.offsetLag();
    }

    private Map<Integer, LagInfo> lags(String store) {
        try {
            return streams.allLocalStorePartitionLags().getOrDefault(store, Map.of());
        } catch (RuntimeException e) {
            // Lag is informative only; an unknown lag is reported as -1 rather than failing the read.
            return Map.of();
        }
    }

    private QueryResult<JsonNode> guarded(
            String store, Supplier<QueryResult<JsonNode>> query) {
        if (!isQueryable()) {
            return unavailable(notQueryableReason());
        }
        try {
            return query.get();
        } catch (RuntimeException e) {
            return unavailable("store '" + store + "' on " + self + " cannot be read now: " + e);
        }
    }

    private boolean isQueryable() {
        return streams.state().isRunningOrRebalancing();
    }

    private String notQueryableReason() {
        return "instance " + self + " is " + streams.state();
    }

    private QueryResult<JsonNode> unavailable(String reason) {
        return new QueryResult.Unavailable<>(reason, retryAfter);
    }

    /**
     * Why some of {@code stores} cannot be read here right now (empty when all answer): each is asked
     * for a key on every local active partition, which fails while its task is migrating or restoring.
     */
    public List<String> unreadable(Collection<String> stores) {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return List.of(notQueryableReason());
        }
        List<String> problems = new ArrayList<>();
        for (String store : stores) {
            try {
                streams.query(StateQueryRequest.inStore(store).withQuery(KeyQuery.<String, Object>withKey(""))
                                .withAllPartitions().requireActive())
                        .getPartitionResults().forEach((partition, result) -> {
                            if (result.isFailure() && result.getFailureReason() != FailureReason.NOT_ACTIVE) {
                                problems.add(store + " partition " + partition + ": " + result.getFailureReason()
                                        + " " + result.getFailureMessage());
                            }
                        });
            } catch (RuntimeException e) {
                problems.add(store + ": " + e);
            }
        }
        return problems;
    }

    @Override
    public InstanceStatus status() {
        Set<String> active = new TreeSet<>();
        Set<String> standby = new TreeSet<>();
        try {
            for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
                thread.activeTasks().forEach(task -> task.topicPartitions().forEach(tp -> active.add(tp.toString())));
                thread.standbyTasks().forEach(task -> task.topicPartitions().forEach(tp -> standby.add(tp.toString())));
            }
        } catch (RuntimeException e) {
            // Thread metadata is unavailable while the client is not running; the state says why.
        }
        return new InstanceStatus(self.toString(), streams.state().name(), List.copyOf(active), List.copyOf(standby));
    }
}
