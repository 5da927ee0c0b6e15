package com.cmobile.ecosystem.app.topology.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pre-aggregation per task: one record per changed key and flush, and nothing lost over a restart. */
class PreAggregatorTest {

    private static final int PARTITION = 3;

    @TempDir
    Path stateDir;

    private MockProcessorContext<String, PartitionSum<?>> context;
    private KeyValueStore<String, byte[]> sent;

    @BeforeEach
    void stores() {
        context = new MockProcessorContext<>(new Properties(), new TaskId(0, PARTITION), stateDir.toFile());
        sent = init(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("sent"), Serdes.String(),
                Serdes.ByteArray()).withLoggingDisabled().build());
    }

    private <S extends StateStore> S init(S store) {
        store.init(context.getStateStoreContext(), store);
        return store;
    }

    private PreAggregator<Long> counts() {
        return new PreAggregator<>(PartitionSum.Level.ORGANISATIONS, Long::sum, n -> n == 0, Serdes.Long(), sent);
    }

    private List<String> flushed(PreAggregator<Long> sums) {
        context.resetForwards();
        sums.flush(context, 42L);
        return context.forwarded().stream()
                .map(f -> f.record().key() + "=" + ((PartitionSum<?>) f.record().value()).sum()
                        + "@" + ((PartitionSum<?>) f.record().value()).partition())
                .toList();
    }

    @Test
    void manyChangesToOneKeyAreSentOnceAsTheirSum() {
        var sums = counts();
        sums.add("global", 1L);
        sums.add("global", 1L);
        sums.add("global", -1L);
        sums.add("other", 5L);

        assertThat(flushed(sums)).containsExactly("global=1@3", "other=5@3");
        assertThat(flushed(sums)).as("nothing changed since").isEmpty();
    }

    @Test
    void aSumBackToZeroIsSentAsNullAndForgotten() {
        var sums = counts();
        sums.add("global", 2L);
        flushed(sums);
        sums.add("global", -2L);

        assertThat(flushed(sums)).containsExactly("global=null@3");
        assertThat(sent.get("ORGANISATIONS/global")).isNull();
    }

    @Test
    void afterARestartOnlyTheKeysThatDifferFromWhatWasSentAreSentAgain() {
        var before = counts();
        before.add("same", 5L);
        before.add("gone", 2L);
        before.add("changed", 1L);
        flushed(before);

        // The task restarts; its state, committed after events that were never flushed, now says:
        var after = counts();
        after.add("same", 5L);
        after.add("changed", 4L);
        after.add("new", 1L);
        after.reconcile();

        assertThat(flushed(after)).containsExactlyInAnyOrder("gone=null@3", "changed=4@3", "new=1@3");
    }

    @Test
    void levelsShareTheSentStoreWithoutSeeingEachOther() {
        var organisations = counts();
        organisations.add("global", 1L);
        flushed(organisations);
        var programCountries = new PreAggregator<>(PartitionSum.Level.PROGRAM_COUNTRY, Long::sum, n -> n == 0,
                Serdes.Long(), sent);
        programCountries.reconcile();

        assertThat(flushed(programCountries)).isEmpty();
    }
}
