package com.cmobile.ecosystem.app.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;

/**
 * Every entry of a key range of one store, walked page by page across the instances, in key order,
 * and where it came from: the answers computed from a whole store (the roll-ups above the first
 * level, everything as of an instant) carry its provenance, and their lists page like a store's.
 *
 * @param value       what was read, or what was computed from it
 * @param answeredBy  the instances that answered
 * @param missing     partitions nobody could answer for (only with {@code partial=true})
 * @param staleReads  partitions read from a standby or a restoring store, with their lag
 * @param <T>         the type of the value
 */
record StoreScan<T>(T value, List<String> answeredBy, List<Integer> missing, List<Page.StaleRead> staleReads) {

    /**
     * Every entry of {@code range} in {@code store}, in key order (so each key's versions are in time
     * order). Callers go through {@link ClusterQueries#scan}, which shares one read among concurrent
     * callers: the list is never changed after it is returned.
     */
    static Answer<StoreScan<List<StoreEntry>>> read(ClusterQueries stores, String store, KeyRange range,
                                                  QueryOptions options) {
        var values = new ArrayList<StoreEntry>();
        Set<String> answeredBy = new LinkedHashSet<>();
        Set<Integer> missing = new HashSet<>();
        var staleReads = new ArrayList<Page.StaleRead>();
        var request = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            Answer<Page<StoreEntry>> answer = stores.list(store, range, request, options);
            if (!(answer instanceof Answer.Found<Page<StoreEntry>> found)) {
                return answer.map(page -> null);
            }
            var page = found.value();
            values.addAll(page.items());
            answeredBy.addAll(page.answeredBy());
            missing.addAll(page.missingPartitions());
            staleReads.addAll(page.staleReads());
            if (page.next().isEmpty()) {
                return new Answer.Found<>(new StoreScan<>(Collections.unmodifiableList(values), List.copyOf(answeredBy),
                        missing.stream().sorted().toList(), staleReads), found.provenance());
            }
            request = new PageRequest(Optional.of(PageRequest.keyOfCursor(page.next().get())), PageRequest.MAX_LIMIT);
        }
    }

    <U> StoreScan<U> with(U other) {
        return new StoreScan<>(other, answeredBy, missing, staleReads);
    }

    Provenance provenance() {
        return new Provenance(String.join(",", answeredBy), -1, staleReads.isEmpty(), 0);
    }

    /** The page of {@code entries} (in key order) that {@code request} asks for. */
    <V> Page<V> page(NavigableMap<String, V> entries, PageRequest request) {
        var after = request.afterKey().map(key -> entries.tailMap(key, false)).orElse(entries);
        var items = new ArrayList<V>(Math.min(request.limit(), after.size()));
        String last = null;
        for (var entry : after.entrySet()) {
            if (items.size() == request.limit()) {
                break;
            }
            items.add(entry.getValue());
            last = entry.getKey();
        }
        Optional<String> next = after.size() > items.size() && last != null
                ? Optional.of(PageRequest.cursorOf(last)) : Optional.empty();
        return new Page<>(items, next, answeredBy, missing, staleReads);
    }

    /** {@code value} found, with this scan's provenance; not found, saying {@code otherwise}, when null. */
    <V> Answer<V> found(V value, String otherwise) {
        return value == null ? new Answer.NotFound<>(otherwise) : new Answer.Found<>(value, provenance());
    }
}
