package com.cmobile.ecosystem.app.topology.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.cmobile.ecosystem.app.topology.model.CityCapacity;
import org.junit.jupiter.api.Test;

/** The owner of an aggregate key keeps the latest sum of each input partition and adds them up. */
class SumsByPartitionTest {

    private static PartitionSum<CapacityDelta> paris(int partition, long capacity, long pops, String name) {
        return new PartitionSum<>(PartitionSum.Level.CITY, partition,
                pops == 0 ? null : new CapacityDelta("FR", name, capacity, pops));
    }

    @Test
    void aNewerPartialOfAPartitionReplacesItsOlderOne() {
        var sums = SumsByPartition.<CapacityDelta>none()
                .with(paris(0, 100, 1, "Paris"))
                .with(paris(1, 50, 2, "PARIS"))
                .with(paris(0, 120, 1, "paris"));

        assertThat(CapacityAggregation.city("FR|paris", sums.sums()))
                .as("summed over partitions, named by the partition that changed last")
                .isEqualTo(new CityCapacity("FR", "paris", 170, 3));
    }

    @Test
    void thePartialsAreGoneWhenNoPartitionContributes() {
        var sums = SumsByPartition.<CapacityDelta>none().with(paris(0, 100, 1, "Paris")).with(paris(1, 50, 2, "Paris"));

        assertThat(sums.with(paris(0, 0, 0, "")).sums()).hasSize(1);
        assertThat(sums.with(paris(0, 0, 0, "")).with(paris(1, 0, 0, ""))).isNull();
    }

    @Test
    void partialsSurviveTheirJsonFormKeepingTheOrderOfChange() {
        var serde = JsonSerde.<SumsByPartition<CapacityDelta>>of(SumsByPartition.class, CapacityDelta.class);
        var sums = SumsByPartition.<CapacityDelta>none().with(paris(5, 1, 1, "a")).with(paris(2, 2, 1, "b"));

        var back = serde.deserializer().deserialize("t", serde.serializer().serialize("t", sums));

        assertThat(back).isEqualTo(sums);
        assertThat(List.copyOf(back.byPartition().keySet())).containsExactly(5, 2);
    }
}
