package com.cmobile.ecosystem.app.topology;

import static com.cmobile.ecosystem.app.topology.Events.commissioned;
import static com.cmobile.ecosystem.app.topology.Events.decommissioned;
import static com.cmobile.ecosystem.app.topology.Events.joined;
import static com.cmobile.ecosystem.app.topology.Events.left;
import static com.cmobile.ecosystem.app.topology.Events.resized;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import com.cmobile.ecosystem.app.topology.model.GlobalCapacity;
import com.cmobile.ecosystem.app.topology.model.ProgramAlliance;
import com.cmobile.ecosystem.events.PartnerRole;
import com.cmobile.ecosystem.events.Program;
import org.junit.jupiter.api.Test;

/** The other tests use in-memory stores for speed; production runs on RocksDB, which must agree. */
class PersistentStoresTopologyTest {

    private static final Instant T1 = Instant.parse("2025-01-10T08:00:00Z");
    private static final Instant T2 = Instant.parse("2025-02-10T08:00:00Z");

    @Test
    void rocksDbStoresGiveTheSameAggregatesAsInMemoryOnes() {
        try (var fixture = new TopologyFixture(TopologySettings.StoreType.PERSISTENT)) {
            fixture.send(commissioned("pop-1", "Paris", "FR", "CMI Europe", 100, T1));
            fixture.send(commissioned("pop-2", "Tokyo", "JP", "CMI Asia", 30, T1));
            fixture.send(resized("pop-1", "Lyon", "FR", "CMI France", 120, T2));
            fixture.send(decommissioned("pop-2", T2));
            fixture.send(joined("p1", Program.GTI, PartnerRole.MEMBER, "FR", 10L, T1));
            fixture.send(joined("p2", Program.GTI, PartnerRole.PARTNER, "DE", 5L, T1));
            fixture.send(left("p2", Program.GTI, T2));

            assertThat(fixture.globalCapacity())
                    .contains(new GlobalCapacity(120, 1, 1, 1, 1));
            assertThat(fixture.program("GTI"))
                    .contains(new ProgramAlliance(Program.GTI, 1, 0, 10, 1));
            assertThat(fixture.all(StoreNames.MEMBERSHIP_HISTORY)).hasSize(3);
        }
    }
}
