package com.cmobile.ecosystem.app.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ClusterQueriesTest {

    private static final String STORE = "city-capacity-store";
    private static final Duration TIMEOUT = Duration.ofMillis(300);

    private final FakeCluster cluster = new FakeCluster(2, 4);

    private String keyOwnedBy(int instance) {
        return IntStream.range(0, 1000).mapToObj(i -> "K" + i)
                .filter(k -> cluster.partitionOf(k) % 2 == instance).findFirst().orElseThrow();
    }

    @Test
    void keyOwnedByAnotherInstanceIsReadFromItsOwner() {
        String key = keyOwnedBy(1);
        cluster.put(STORE, key, Map.of("country", key));

        Answer<JsonNode> result = cluster.queriesVia(0, TIMEOUT).get(STORE, key, QueryOptions.STRICT);

        assertThat(result).isInstanceOfSatisfying(Answer.Found.class, found -> {
            assertThat(((JsonNode) found.value()).get("country").asText()).isEqualTo(key);
            assertThat(found.provenance().servedBy()).isEqualTo("instance-1:7001");
        });
    }

    @Test
    void unknownKeyOwnedElsewhereIsNotFound() {
        Answer<JsonNode> result = cluster.queriesVia(0, TIMEOUT).get(STORE, keyOwnedBy(1), QueryOptions.STRICT);

        assertThat(result).isInstanceOf(Answer.NotFound.class);
    }

    @Test
    void keyWhoseOwnerIsDownIsUnavailableNamingTheOwner() {
        String key = keyOwnedBy(1);
        cluster.put(STORE, key, Map.of("country", key));
        cluster.down(1);

        Answer<JsonNode> result = cluster.queriesVia(0, TIMEOUT).get(STORE, key, QueryOptions.STRICT);

        assertThat(result).isInstanceOfSatisfying(Answer.Unavailable.class, u -> {
            assertThat(u.reason()).contains("instance-1:7001");
            assertThat(u.retryAfter()).isPositive();
        });
    }

    @Test
    void staleQueryIsAnsweredByTheLocalStandbyWithItsLag() {
        String key = keyOwnedBy(1);
        cluster.put(STORE, key, Map.of("country", key));
        cluster.down(1);

        Answer<JsonNode> result = cluster.queriesVia(0, TIMEOUT).get(STORE, key, new QueryOptions(true, false));

        assertThat(result).isInstanceOfSatisfying(Answer.Found.class, found -> {
            assertThat(found.provenance().active()).isFalse();
            assertThat(found.provenance().lagRecords()).isEqualTo(3);
        });
    }

    @Test
    void listMergesEveryInstanceInKeyOrderAndNamesThem() {
        List.of("FR", "DE", "US", "BR", "CN", "JP", "ZA").forEach(c -> cluster.put(STORE, c, Map.of("country", c)));

        Answer<Page<StoreEntry>> viaFirst = cluster.queriesVia(0, TIMEOUT).list(STORE, KeyRange.ALL,
                PageRequest.first(100), QueryOptions.STRICT);
        Answer<Page<StoreEntry>> viaSecond = cluster.queriesVia(1, TIMEOUT).list(STORE, KeyRange.ALL,
                PageRequest.first(100), QueryOptions.STRICT);

        Page<StoreEntry> page = ((Answer.Found<Page<StoreEntry>>) viaFirst).value();
        assertThat(page.items()).extracting(StoreEntry::key).containsExactly("BR", "CN", "DE", "FR", "JP", "US", "ZA");
        assertThat(page.next()).isEmpty();
        assertThat(page.answeredBy()).containsExactly("instance-0:7000", "instance-1:7001");
        assertThat(((Answer.Found<Page<StoreEntry>>) viaSecond).value()).isEqualTo(page);
    }

    @Test
    void pagesFollowEachOtherWithoutGapOrRepeatUntilTheLastHasNoNext() {
        List<String> keys = IntStream.range(0, 23).mapToObj(i -> String.format("C%02d", i)).toList();
        keys.forEach(k -> cluster.put(STORE, k, Map.of("country", k)));
        ClusterQueries queries = cluster.queriesVia(0, TIMEOUT);

        List<String> seen = new ArrayList<>();
        Optional<String> after = Optional.empty();
        int pages = 0;
        do {
            Page<StoreEntry> page = ((Answer.Found<Page<StoreEntry>>) queries.list(STORE, KeyRange.ALL,
                    new PageRequest(after, 5), QueryOptions.STRICT)).value();
            page.items().forEach(e -> seen.add(e.key()));
            after = page.next().map(PageRequest::keyOfCursor);
            pages++;
        } while (after.isPresent());

        assertThat(seen).containsExactlyElementsOf(keys);
        assertThat(pages).isEqualTo(5);
    }

    @Test
    void listWithAnInstanceDownIsUnavailableNamingTheMissingPartitions() {
        cluster.put(STORE, "FR", Map.of("country", "FR"));
        cluster.down(1);

        Answer<Page<StoreEntry>> result = cluster.queriesVia(0, TIMEOUT).list(STORE, KeyRange.ALL,
                PageRequest.first(10), QueryOptions.STRICT);

        assertThat(result).isInstanceOfSatisfying(Answer.Unavailable.class,
                u -> assertThat(u.reason()).contains("partitions [1, 3]").contains("partial=true"));
    }

    @Test
    void partialListAnswersWhatItCanAndNamesTheMissingPartitions() {
        List.of("FR", "DE", "US", "BR").forEach(c -> cluster.put(STORE, c, Map.of("country", c)));
        cluster.down(1);

        Answer<Page<StoreEntry>> result = cluster.queriesVia(0, TIMEOUT).list(STORE, KeyRange.ALL,
                PageRequest.first(10), new QueryOptions(false, true));

        Page<StoreEntry> page = ((Answer.Found<Page<StoreEntry>>) result).value();
        assertThat(page.missingPartitions()).containsExactly(1, 3);
        assertThat(page.answeredBy()).containsExactly("instance-0:7000");
        assertThat(page.items()).allSatisfy(e -> assertThat(cluster.partitionOf(e.key()) % 2).isZero());
    }

    @Test
    void staleListReadsTheStandbyCopiesOfADownInstance() {
        List.of("FR", "DE", "US", "BR").forEach(c -> cluster.put(STORE, c, Map.of("country", c)));
        cluster.down(1);

        Answer<Page<StoreEntry>> result = cluster.queriesVia(0, TIMEOUT).list(STORE, KeyRange.ALL,
                PageRequest.first(10), new QueryOptions(true, false));

        Page<StoreEntry> page = ((Answer.Found<Page<StoreEntry>>) result).value();
        assertThat(page.items()).extracting(StoreEntry::key).containsExactly("BR", "DE", "FR", "US");
        assertThat(page.staleReads()).extracting(Page.StaleRead::partition).containsExactly(1, 3);
    }

    @Test
    void silentInstanceMakesTheListUnavailableWithinTheTimeout() {
        cluster.silent(1);

        long start = System.nanoTime();
        Answer<Page<StoreEntry>> result = cluster.queriesVia(0, TIMEOUT).list(STORE, KeyRange.ALL,
                PageRequest.first(10), QueryOptions.STRICT);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT.plusMillis(500));
        assertThat(result).isInstanceOfSatisfying(Answer.Unavailable.class,
                u -> assertThat(u.reason()).contains("did not answer within"));
    }

    @Test
    void restoringStoreMakesTheListUnavailable() {
        cluster.restoring(1, STORE);

        Answer<Page<StoreEntry>> result = cluster.queriesVia(0, TIMEOUT).list(STORE, KeyRange.ALL,
                PageRequest.first(10), QueryOptions.STRICT);

        assertThat(result).isInstanceOfSatisfying(Answer.Unavailable.class,
                u -> assertThat(u.reason()).contains("restoring"));
    }

    @Test
    void filteredScanKeepsPagesFull() {
        IntStream.range(0, 40).forEach(i -> cluster.put(STORE, String.format("P%02d", i),
                Map.of("member", i % 4 == 0 ? "yes" : "no")));

        Page<StoreEntry> page = ((Answer.Found<Page<StoreEntry>>) cluster.queriesVia(0, TIMEOUT).list(STORE,
                KeyRange.ALL.where(new ValueFilter("/member", "yes")), PageRequest.first(5), QueryOptions.STRICT)).value();

        assertThat(page.items()).extracting(StoreEntry::key).containsExactly("P00", "P04", "P08", "P12", "P16");
        assertThat(page.next()).isPresent();
    }

    @Test
    void instancesListsEveryInstanceAndMarksTheUnreachableOne() {
        cluster.down(1);

        List<InstanceStatus> instances = cluster.queriesVia(0, TIMEOUT).instances();

        assertThat(instances).extracting(InstanceStatus::instance, InstanceStatus::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("instance-0:7000", "RUNNING"),
                        org.assertj.core.groups.Tuple.tuple("instance-1:7001", InstanceStatus.UNREACHABLE));
    }
}
