package com.cmobile.ecosystem.app.topology;

import static com.cmobile.ecosystem.app.topology.Events.commissioned;
import static com.cmobile.ecosystem.app.topology.Events.decommissioned;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.IntStream;

import com.cmobile.ecosystem.app.topology.internal.KeyPartitions;
import com.cmobile.ecosystem.app.topology.model.GlobalCapacity;
import com.cmobile.ecosystem.app.topology.model.PopState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Events off their key's home partition take a hop through the by-key repartition topic, and only
 * they do. The driver reads every input record from partition 0 of a topic the topology was built
 * for with {@link TopologyFixture#INPUT_PARTITIONS} partitions.
 */
class KeyPartitionsTopologyTest {

    private static final Instant T1 = Instant.parse("2025-01-10T08:00:00Z");
    private static final Instant T2 = Instant.parse("2025-02-10T08:00:00Z");
    private static final KeyPartitions HOME = new KeyPartitions(TopologyFixture.INPUT_PARTITIONS);

    private final TopologyFixture fixture = new TopologyFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void onlyEventsOffTheirHomePartitionTakeTheHop() {
        String home = popWithHome(0);
        String away = popWithHome(3);

        fixture.send(commissioned(home, "Paris", "FR", "CMI Europe", 100, T1));
        fixture.send(commissioned(away, "Lyon", "FR", "CMI Europe", 50, T1));

        assertThat(fixture.movedPopIds()).containsExactly(away);
        assertThat(fixture.<PopState>get(StoreNames.POP_STATE, home)).isPresent();
        assertThat(fixture.<PopState>get(StoreNames.POP_STATE, away)).isPresent();
        assertThat(fixture.globalCapacity())
                .contains(new GlobalCapacity(150, 2, 2, 1, 1));
    }

    @Test
    void aMovedEventKeepsTheOrderingRule() {
        String away = popWithHome(5);

        fixture.send(decommissioned(away, T2));
        fixture.send(commissioned(away, "Lyon", "FR", "CMI Europe", 50, T1));

        assertThat(fixture.movedPopIds()).containsExactly(away, away);
        assertThat(fixture.<PopState>get(StoreNames.POP_STATE, away)).get().extracting(PopState::active).isEqualTo(false);
        assertThat(fixture.globalCapacity()).isEmpty();
    }

    @Test
    void anInvalidEventOffItsHomePartitionGoesToTheDlqWithoutAHop() {
        String away = popWithHome(2);

        fixture.send(commissioned(away, "Lyon", "XX", "CMI Europe", 50, T1));

        assertThat(fixture.movedPopIds()).isEmpty();
        assertThat(fixture.popDeadLetters()).hasSize(1);
    }

    private static String popWithHome(int partition) {
        return IntStream.range(0, 1000).mapToObj(i -> "pop-" + i)
                .filter(id -> HOME.of(id.getBytes(StandardCharsets.UTF_8)) == partition)
                .findFirst().orElseThrow();
    }
}
