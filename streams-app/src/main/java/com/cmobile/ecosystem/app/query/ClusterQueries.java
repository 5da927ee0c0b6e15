package com.cmobile.ecosystem.app.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Answers any query from any instance, routing it to where the data is: {@link LocalReader} for
 * this instance's stores, {@link Peers} for the others'. A key is read here when this instance hosts it, otherwise
 * from its owner (or, for stale-tolerant callers, a standby); a range is read from every instance
 * hosting the store in parallel and merged in key order. Every path is bounded by one timeout, and a
 * part that cannot be read becomes {@link Answer.Unavailable} (or, when the caller allows a
 * partial answer, a page naming the missing partitions).
 */
public final class ClusterQueries {

    private final LocalReader local;
    private final Peers peers;
    private final ClusterView cluster;
    private final Duration timeout;
    private final Duration retryAfter;
    private final SharedReads<ScanKey, Answer<StoreScan<List<StoreEntry>>>> scans = new SharedReads<>();

    /** What makes two whole-range reads the same question. */
    private record ScanKey(String store, KeyRange range, QueryOptions options) {
    }

    public ClusterQueries(LocalReader local, Peers peers, ClusterView cluster, Duration timeout, Duration retryAfter) {
        this.local = local;
        this.peers = peers;
        this.cluster = cluster;
        this.timeout = timeout;
        this.retryAfter = retryAfter;
    }

    /** The value of {@code key} in {@code store}, read wherever it lives. */
    public Answer<JsonNode> get(String store, String key, QueryOptions options) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Answer<JsonNode> here = local.get(store, key, options.stale());
        if (!(here instanceof Answer.FoundElsewhere<JsonNode> elsewhere)) {
            return here;
        }
        List<Instance> candidates = new ArrayList<>();
        candidates.add(elsewhere.owner());
        if (options.stale()) {
            elsewhere.standbys().stream().filter(s -> !s.equals(local.self())).forEach(candidates::add);
        }
        List<String> reasons = new ArrayList<>();
        Duration wait = retryAfter;
        for (Instance candidate : candidates) {
            Duration remaining = Duration.ofNanos(deadline - System.nanoTime());
            if (remaining.isNegative() || remaining.isZero()) {
                reasons.add("no time left within " + timeout + " to ask " + candidate);
                break;
            }
            Answer<JsonNode> there = peers.get(candidate, store, key, options.stale(), remaining);
            if (there instanceof Answer.Found<JsonNode> || there instanceof Answer.NotFound<JsonNode>) {
                return there;
            }
            if (there instanceof Answer.FoundElsewhere<JsonNode> moved) {
                // Ownership changed between our metadata and theirs: a rebalance is in flight.
                reasons.add(candidate + " no longer hosts it (now " + moved.owner() + "): partitions are moving");
            } else if (there instanceof Answer.Unavailable<JsonNode> unavailable) {
                reasons.add(unavailable.reason());
                // The longest wait a candidate asked for: the one that needs it is the one that must come back.
                wait = unavailable.retryAfter().compareTo(wait) > 0 ? unavailable.retryAfter() : wait;
            }
        }
        return new Answer.Unavailable<>("key '" + key + "' of store '" + store + "' cannot be read now: "
                + String.join("; ", reasons), wait);
    }

    /**
     * Every entry of {@code range} in {@code store}, page after page, from every instance: what the
     * roll-ups and the as-of answers are computed from. Concurrent callers with the same question
     * share one read that began after each of them asked ({@link SharedReads}), so a burst of
     * roll-up requests costs a few reads of the store, not one each.
     */
    public Answer<StoreScan<List<StoreEntry>>> scan(String store, KeyRange range, QueryOptions options) {
        return scans.get(new ScanKey(store, range, options), () -> StoreScan.read(this, store, range, options));
    }

    /** One page of the keys of {@code range} in {@code store}, gathered from every instance. */
    public Answer<Page<StoreEntry>> list(String store, KeyRange range, PageRequest page, QueryOptions options) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Instance> hosts = cluster.hostsOf(store);
        Set<Integer> expected = cluster.partitionsOf(store);
        if (hosts.isEmpty() || expected.isEmpty()) {
            return new Answer.Unavailable<>("no instance hosts store '" + store + "' yet (starting or rebalancing)",
                    retryAfter);
        }
        Map<Instance, CompletableFuture<RangeReply>> calls = new LinkedHashMap<>();
        for (Instance host : hosts) {
            if (!host.equals(local.self())) {
                calls.put(host, peers.range(host, store, range, page.afterKey(), page.limit(), options.stale(), timeout));
            }
        }
        Map<Instance, RangeReply> replies = new TreeMap<>();
        Map<Instance, String> silent = new TreeMap<>();
        if (hosts.contains(local.self())) {
            replies.put(local.self(), local.range(store, range, page.afterKey(), page.limit(), options.stale()));
        }
        calls.forEach((host, call) -> {
            try {
                long remaining = Math.max(0, deadline - System.nanoTime());
                replies.put(host, call.get(remaining, TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                call.cancel(true);
                silent.put(host, "did not answer within " + timeout);
            } catch (ExecutionException e) {
                silent.put(host, FailureText.of(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                silent.put(host, "interrupted while waiting");
            }
        });
        return merge(store, expected, replies, silent, page, options);
    }

    private Answer<Page<StoreEntry>> merge(String store, Set<Integer> expected, Map<Instance, RangeReply> replies,
                                          Map<Instance, String> silent, PageRequest page, QueryOptions options) {
        Map<Integer, RangeReply.Slice> chosen = new TreeMap<>();
        Map<Integer, String> chosenFrom = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        replies.forEach((host, reply) -> {
            for (RangeReply.Slice slice : reply.slices()) {
                RangeReply.Slice current = chosen.get(slice.partition());
                if (current == null || fresher(slice, current)) {
                    chosen.put(slice.partition(), slice);
                    chosenFrom.put(slice.partition(), host.toString());
                }
            }
            reply.failures().forEach(f -> problems.add(host + " partition " + f.partition() + ": " + f.reason()));
        });
        silent.forEach((host, why) -> problems.add(host + " " + why));
        Set<Integer> missing = new TreeSet<>(expected);
        missing.removeAll(chosen.keySet());
        if (!missing.isEmpty() && !options.partial()) {
            return new Answer.Unavailable<>("partitions " + missing + " of store '" + store
                    + "' cannot be read now (" + summary(problems) + "); ask again, or pass partial=true", retryAfter);
        }
        List<StoreEntry> entries = new ArrayList<>();
        boolean more = false;
        for (RangeReply.Slice slice : chosen.values()) {
            entries.addAll(slice.entries());
            more |= slice.more();
        }
        entries.sort(Comparator.comparing(StoreEntry::key, KeyOrder.COMPARATOR));
        more |= entries.size() > page.limit();
        List<StoreEntry> items = entries.subList(0, Math.min(page.limit(), entries.size()));
        Optional<String> next = more && !items.isEmpty()
                ? Optional.of(PageRequest.cursorOf(items.get(items.size() - 1).key()))
                : Optional.empty();
        List<Page.StaleRead> staleReads = chosen.values().stream().filter(s -> !s.active())
                .map(s -> new Page.StaleRead(s.partition(), chosenFrom.get(s.partition()), s.lagRecords()))
                .toList();
        List<String> answeredBy = replies.keySet().stream().map(Instance::toString).toList();
        return new Answer.Found<>(new Page<>(items, next, answeredBy, List.copyOf(missing), staleReads),
                new Provenance(String.join(",", answeredBy), -1, staleReads.isEmpty(), maxLag(staleReads)));
    }

    /** The first few problems: one per partition would bury the point under repetition. */
    private static String summary(List<String> problems) {
        if (problems.isEmpty()) {
            return "not open on any instance yet: migrating or restoring";
        }
        int shown = Math.min(2, problems.size());
        return String.join("; ", problems.subList(0, shown))
                + (problems.size() > shown ? "; and " + (problems.size() - shown) + " more" : "");
    }

    /** An active copy beats a standby; among standbys the smaller known lag wins. */
    private static boolean fresher(RangeReply.Slice candidate, RangeReply.Slice current) {
        if (candidate.active() != current.active()) {
            return candidate.active();
        }
        return !candidate.active() && candidate.lagRecords() >= 0
                && (current.lagRecords() < 0 || candidate.lagRecords() < current.lagRecords());
    }

    private static long maxLag(List<Page.StaleRead> staleReads) {
        return staleReads.stream().mapToLong(Page.StaleRead::lagRecords).max().orElse(0);
    }

    /** Every instance with its state and partitions, each as it reports itself when it answers in time. */
    public List<InstanceStatus> instances() {
        List<InstanceStatus> known = cluster.instances();
        Map<String, CompletableFuture<InstanceStatus>> calls = new LinkedHashMap<>();
        for (InstanceStatus instance : known) {
            if (!instance.instance().equals(local.self().toString())) {
                calls.put(instance.instance(), peers.status(parse(instance.instance()), timeout));
            }
        }
        Map<String, InstanceStatus> result = new TreeMap<>();
        result.put(local.self().toString(), local.status());
        for (InstanceStatus instance : known) {
            CompletableFuture<InstanceStatus> call = calls.get(instance.instance());
            if (call == null) {
                continue;
            }
            try {
                result.put(instance.instance(), call.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
            } catch (ExecutionException | TimeoutException e) {
                result.put(instance.instance(), new InstanceStatus(instance.instance(), InstanceStatus.UNREACHABLE,
                        instance.activePartitions(), instance.standbyPartitions()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return List.copyOf(result.values());
    }

    private static Instance parse(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        return new Instance(hostAndPort.substring(0, colon), Integer.parseInt(hostAndPort.substring(colon + 1)));
    }
}
