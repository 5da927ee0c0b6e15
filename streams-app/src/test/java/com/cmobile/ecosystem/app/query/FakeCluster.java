package com.cmobile.ecosystem.app.query;

import com.cmobile.ecosystem.app.topology.model.ModelJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * A KafkaStreams-free stand-in for a group of instances: partition {@code p} is active on instance
 * {@code p % n} and, when there are several instances, standby on the next one. Values go through
 * the same JSON mapper as real store values. Instances can be taken down (peers see them as
 * unreachable or silent) and stores made unavailable (as while restoring).
 */
public final class FakeCluster implements ClusterView, Peers {

    public final ObjectMapper mapper = ModelJson.newMapper();
    private final int partitions;
    private final List<Member> members = new ArrayList<>();
    private final Set<Instance> down = ConcurrentHashMap.newKeySet();
    private final Set<Instance> silent = ConcurrentHashMap.newKeySet();

    public FakeCluster(int instances, int partitions) {
        this.partitions = partitions;
        for (int i = 0; i < instances; i++) {
            members.add(new Member(new Instance("instance-" + i, 7000 + i)));
        }
    }

    public LocalReader member(int i) {
        return members.get(i);
    }

    /** The ClusterQueries an HTTP request reaching instance {@code i} would use. */
    public ClusterQueries queriesVia(int i, Duration timeout) {
        return new ClusterQueries(members.get(i), this, this, timeout, Duration.ofSeconds(2));
    }

    public void put(String store, String key, Object value) {
        int p = partitionOf(key);
        JsonNode json = mapper.valueToTree(value);
        members.forEach(m -> {
            if (m.hosts(p)) {
                m.data.computeIfAbsent(store, s -> new HashMap<>()).computeIfAbsent(p, x -> new TreeMap<>(KeyOrder.COMPARATOR))
                        .put(key, json);
            }
        });
    }

    public void restoring(int instance, String store) {
        members.get(instance).restoring.add(store);
    }

    /** Peers get connection errors from it. */
    public void down(int instance) {
        down.add(members.get(instance).self);
    }

    /** Peers never get an answer from it. */
    public void silent(int instance) {
        silent.add(members.get(instance).self);
    }

    public int partitionOf(String key) {
        return Math.floorMod(key.hashCode(), partitions);
    }

    private Instance activeOf(int partition) {
        return members.get(partition % members.size()).self;
    }

    private List<Instance> standbysOf(int partition) {
        return members.size() < 2 ? List.of() : List.of(members.get((partition + 1) % members.size()).self);
    }

    @Override
    public List<InstanceStatus> instances() {
        return members.stream().map(Member::status).toList();
    }

    @Override
    public List<Instance> hostsOf(String store) {
        return members.stream().map(m -> m.self).sorted().toList();
    }

    @Override
    public Set<Integer> partitionsOf(String store) {
        Set<Integer> all = new HashSet<>();
        IntStream.range(0, partitions).forEach(all::add);
        return all;
    }

    @Override
    public Answer<JsonNode> get(Instance peer, String store, String key, boolean stale, Duration timeout) {
        if (down.contains(peer) || silent.contains(peer)) {
            return new Answer.Unavailable<>("instance " + peer + " did not answer", Duration.ofSeconds(1));
        }
        // Through the wire form, as the real peers do.
        return KeyReply.of(find(peer).get(store, key, stale)).toAnswer();
    }

    @Override
    public CompletableFuture<RangeReply> range(Instance peer, String store, KeyRange range, Optional<String> afterKey,
                                               int limit, boolean stale, Duration timeout) {
        if (down.contains(peer)) {
            return CompletableFuture.failedFuture(new java.net.ConnectException("connection refused by " + peer));
        }
        if (silent.contains(peer)) {
            return new CompletableFuture<>();
        }
        return CompletableFuture.completedFuture(find(peer).range(store, range, afterKey, limit, stale));
    }

    @Override
    public CompletableFuture<InstanceStatus> status(Instance peer, Duration timeout) {
        if (down.contains(peer) || silent.contains(peer)) {
            return CompletableFuture.failedFuture(new java.net.ConnectException("connection refused by " + peer));
        }
        return CompletableFuture.completedFuture(find(peer).status());
    }

    private Member find(Instance instance) {
        return members.stream().filter(m -> m.self.equals(instance)).findFirst().orElseThrow();
    }

    private final class Member implements LocalReader {
        final Instance self;
        final Map<String, Map<Integer, NavigableMap<String, JsonNode>>> data = new ConcurrentHashMap<>();
        final Set<String> restoring = ConcurrentHashMap.newKeySet();

        Member(Instance self) {
            this.self = self;
        }

        boolean active(int partition) {
            return activeOf(partition).equals(self);
        }

        boolean hosts(int partition) {
            return active(partition) || standbysOf(partition).contains(self);
        }

        @Override
        public Instance self() {
            return self;
        }

        @Override
        public Answer<JsonNode> get(String store, String key, boolean stale) {
            int p = partitionOf(key);
            if (!active(p) && !(stale && hosts(p))) {
                return new Answer.FoundElsewhere<>(activeOf(p), standbysOf(p), p);
            }
            if (restoring.contains(store)) {
                return new Answer.Unavailable<>("partition " + p + " of " + store + " is restoring", Duration.ofSeconds(2));
            }
            JsonNode value = data.getOrDefault(store, Map.of()).getOrDefault(p, new TreeMap<>()).get(key);
            return value == null
                    ? new Answer.NotFound<>("no '" + key + "' in " + store)
                    : new Answer.Found<>(value, new Provenance(self.toString(), p, active(p), active(p) ? 0 : 3));
        }

        @Override
        public RangeReply range(String store, KeyRange range, Optional<String> afterKey, int limit, boolean stale) {
            List<RangeReply.Slice> slices = new ArrayList<>();
            List<RangeReply.Failure> failures = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                if (!hosts(p) || !active(p) && !stale) {
                    continue;
                }
                if (restoring.contains(store)) {
                    failures.add(new RangeReply.Failure(p, "NOT_ACTIVE: restoring"));
                    continue;
                }
                List<StoreEntry> entries = new ArrayList<>();
                boolean more = false;
                for (Map.Entry<String, JsonNode> e : data.getOrDefault(store, Map.of())
                        .getOrDefault(p, new TreeMap<>()).entrySet()) {
                    if (!range.contains(e.getKey()) || !range.where().matches(e.getValue())
                            || afterKey.filter(a -> KeyOrder.compare(e.getKey(), a) <= 0).isPresent()) {
                        continue;
                    }
                    if (entries.size() == limit) {
                        more = true;
                        break;
                    }
                    entries.add(new StoreEntry(e.getKey(), e.getValue()));
                }
                slices.add(new RangeReply.Slice(p, active(p), active(p) ? 0 : 3, entries, more));
            }
            return new RangeReply(self.toString(), slices, failures);
        }

        @Override
        public InstanceStatus status() {
            List<String> active = new ArrayList<>();
            List<String> standby = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                if (active(p)) {
                    active.add("pop-capacity-" + p);
                } else if (hosts(p)) {
                    standby.add("pop-capacity-" + p);
                }
            }
            return new InstanceStatus(self.toString(), "RUNNING", active, standby);
        }
    }
}
