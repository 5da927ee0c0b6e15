package com.cmobile.ecosystem.app.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The {@link LocalReader} over this instance's {@code KafkaStreams}: reads its state stores, one
 * partition at a time, and never anything else: a key it
 * does not host answers {@link Answer.FoundElsewhere}, so a request forwarded here cannot be
 * forwarded again.
 *
 * <p>Reads require the active task unless the caller accepts stale answers; a partition that is
 * migrating or restoring answers {@link Answer.Unavailable}
 * at once rather than being waited for.
 *
 * <p>Reads go through {@code KafkaStreams#store} (interactive queries v1) with {@code withPartition},
 * not {@code KafkaStreams#query} (v2). On Kafka Streams 4.4.0, a v2 {@code KeyQuery} or
 * {@code RangeQuery} on an in-memory or RocksDB key-value store holds the store's {@code Position}
 * lock while it takes the store lock, and the stream thread's put and commit take the same two
 * locks in the other order (KAFKA-19629): a query during ingestion can freeze the stream thread for
 * good. The v1 {@code get} and {@code range} take the store lock only (and, with caching, the
 * cache's read lock before it, as the stream thread's flush does), so they cannot close that
 * cycle. The workaround can go with the first Kafka release containing apache/kafka#23184 (the fix
 * of KAFKA-19629), which makes v2 take the store lock first.
 */
public final class StreamsLocalReader implements LocalReader {

    private final KafkaStreams streams;
    private final Map<String, Integer> subtopologyByStore;
    private final Instance self;
    private final StoreValueJson values;
    private final Duration retryAfter;

    /** {@code topology} tells which sub-topology, hence which tasks, own each store. */
    public StreamsLocalReader(KafkaStreams streams, TopologyDescription topology, Instance self, StoreValueJson values,
                              Duration retryAfter) {
        this.streams = streams;
        this.subtopologyByStore = subtopologyByStore(topology);
        this.self = self;
        this.values = values;
        this.retryAfter = retryAfter;
    }

    @Override
    public Instance self() {
        return self;
    }

    @Override
    public Answer<JsonNode> get(String store, String key, boolean stale) {
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
                    List.of(new RangeReply.Failure(-1, "store '" + store + "' cannot be read now: " + FailureText.of(e))));
        }
    }

    private Answer<JsonNode> lookUp(String store, String key, boolean stale) {
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
            return new Answer.FoundElsewhere<>(owner, standbys, metadata.partition());
        }
        int partition = metadata.partition();
        Read read = read(store, key, partition, activeHere);
        boolean active = activeHere;
        if (stale && activeHere && read.failure().isPresent()) {
            // The active task is restoring: a stale-tolerant caller may read what it has so far.
            read = read(store, key, partition, false);
            active = false;
        }
        if (read.failure().isPresent()) {
            return unavailable("partition " + partition + " of store '" + store + "' on " + self
                    + " cannot answer now (migrating or restoring): " + read.failure().get());
        }
        Object value = read.value();
        if (value == null) {
            return new Answer.NotFound<>("no '" + key + "' in " + store);
        }
        long lag = active ? 0 : lagOf(store, partition);
        return new Answer.Found<>(values.toJson(value),
                new Provenance(self.toString(), partition, active, lag));
    }

    /** What one partition answered for a key: its value (null when absent), or why it could not answer. */
    private record Read(Object value, Optional<String> failure) {
    }

    private Read read(String store, String key, int partition, boolean requireActive) {
        try {
            return new Read(partition(store, partition, requireActive).get(key), Optional.empty());
        } catch (InvalidStateStoreException e) {
            return new Read(null, Optional.of(String.valueOf(e.getMessage())));
        }
    }

    /**
     * One partition of a key-value store, as the active task holds it or, unless {@code requireActive},
     * as any local task (standby, or an active one still restoring) does. Its methods throw
     * {@link InvalidStateStoreException} when no such task is open here.
     */
    private ReadOnlyKeyValueStore<String, Object> partition(String store, int partition, boolean requireActive) {
        StoreQueryParameters<ReadOnlyKeyValueStore<String, Object>> parameters = StoreQueryParameters
                .fromNameAndType(store, QueryableStoreTypes.<String, Object>keyValueStore())
                .withPartition(partition);
        return streams.store(requireActive ? parameters : parameters.enableStaleStores());
    }

    private RangeReply scan(String store, KeyRange range, Optional<String> afterKey, int limit, boolean stale) {
        String lower = afterKey.filter(a -> KeyOrder.compare(a, range.lowerBound()) > 0).orElse(range.lowerBound());
        TaskPartitions here = taskPartitions(store);
        List<RangeReply.Slice> slices = new ArrayList<>();
        List<RangeReply.Failure> failures = new ArrayList<>();
        // Active partitions first; what fails there (standbys, restoring) is read again only if stale reads are allowed.
        List<Integer> notActive = new ArrayList<>();
        for (int partition : here.active()) {
            try {
                slices.add(slice(partition, true, 0, from(partition(store, partition, true), lower), range, afterKey, limit));
            } catch (InvalidStateStoreException e) {
                notActive.add(partition);
                failures.add(new RangeReply.Failure(partition, "not readable as active: " + e.getMessage()));
            }
        }
        for (int partition : here.standby()) {
            notActive.add(partition);
            failures.add(new RangeReply.Failure(partition, "NOT_ACTIVE: only a standby copy is here"));
        }
        if (stale && !notActive.isEmpty()) {
            Map<Integer, LagInfo> lags = lags(store);
            for (int partition : notActive) {
                try {
                    LagInfo lag = lags.get(partition);
                    slices.add(slice(partition, false, lag == null ? -1 : lag.offsetLag(),
                            from(partition(store, partition, false), lower), range, afterKey, limit));
                    failures.removeIf(f -> f.partition() == partition);
                } catch (InvalidStateStoreException e) {
                    // Not open here even as a stale copy: the failure recorded above says so.
                }
            }
        }
        return new RangeReply(self.toString(), slices, failures);
    }

    /** The keys from {@code lower} on (all keys when empty), in the store's order, which {@link KeyOrder} follows. */
    private static KeyValueIterator<String, Object> from(ReadOnlyKeyValueStore<String, Object> store, String lower) {
        return lower.isEmpty() ? store.all() : store.range(lower, null);
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

    private Answer<JsonNode> guarded(
            String store, Supplier<Answer<JsonNode>> query) {
        if (!isQueryable()) {
            return unavailable(notQueryableReason());
        }
        try {
            return query.get();
        } catch (RuntimeException e) {
            return unavailable("store '" + store + "' on " + self + " cannot be read now: " + FailureText.of(e));
        }
    }

    private boolean isQueryable() {
        return streams.state().isRunningOrRebalancing();
    }

    private String notQueryableReason() {
        return "instance " + self + " is " + streams.state();
    }

    private Answer<JsonNode> unavailable(String reason) {
        return new Answer.Unavailable<>(reason, retryAfter);
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
            for (int partition : taskPartitions(store).active()) {
                try {
                    partition(store, partition, true).get("");
                } catch (RuntimeException e) {
                    problems.add(store + " partition " + partition + ": " + e.getMessage());
                }
            }
        }
        return problems;
    }

    /** The partitions of {@code store} whose active and standby tasks this instance's threads hold. */
    private record TaskPartitions(Set<Integer> active, Set<Integer> standby) {
    }

    private TaskPartitions taskPartitions(String store) {
        Integer subtopology = subtopologyByStore.get(store);
        Set<Integer> active = new TreeSet<>();
        Set<Integer> standby = new TreeSet<>();
        if (subtopology != null) {
            for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
                partitionsOf(thread.activeTasks(), subtopology, active);
                partitionsOf(thread.standbyTasks(), subtopology, standby);
            }
        }
        standby.removeAll(active);
        return new TaskPartitions(active, standby);
    }

    private static void partitionsOf(Set<TaskMetadata> tasks, int subtopology, Set<Integer> into) {
        tasks.stream().filter(task -> task.taskId().subtopology() == subtopology)
                .forEach(task -> into.add(task.taskId().partition()));
    }

    /** Store name to the id of the sub-topology owning it, which is also the first half of its task ids. */
    static Map<String, Integer> subtopologyByStore(TopologyDescription topology) {
        Map<String, Integer> byStore = new HashMap<>();
        for (TopologyDescription.Subtopology sub : topology.subtopologies()) {
            for (TopologyDescription.Node node : sub.nodes()) {
                if (node instanceof TopologyDescription.Processor processor) {
                    processor.stores().forEach(store -> byStore.put(store, sub.id()));
                }
            }
        }
        return Map.copyOf(byStore);
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
