package com.cmobile.ecosystem.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.cmobile.ecosystem.app.query.FakeCluster;
import com.cmobile.ecosystem.app.topology.StoreNames;
import com.cmobile.ecosystem.app.topology.model.GlobalCapacity;
import com.cmobile.ecosystem.app.topology.model.ProgramAlliance;
import com.cmobile.ecosystem.app.topology.model.StoreKeys;
import com.cmobile.ecosystem.events.Program;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BusinessGaugesTest {

    private final FakeCluster cluster = new FakeCluster(2, 4);

    private SimpleMeterRegistry gaugesOf(int instance, Clock clock, Duration maxAge) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new BusinessGauges(cluster.member(instance), cluster.mapper, clock, maxAge).bindTo(registry);
        return registry;
    }

    @Test
    void onlyTheInstanceWithTheActiveTaskReportsAKeySoTheSumIsTheGlobalFigure() {
        // Each key is active on one instance and standby on the other.
        cluster.put(StoreNames.GLOBAL_CAPACITY, StoreKeys.GLOBAL, new GlobalCapacity(3000, 3, 2, 2, 2));
        cluster.put(StoreNames.PROGRAM_ALLIANCE, "GTI", new ProgramAlliance(Program.GTI, 4, 1, 900, 2));

        double capacity = 0;
        double members = 0;
        for (int i = 0; i < 2; i++) {
            SimpleMeterRegistry registry = gaugesOf(i, Clock.systemUTC(), Duration.ZERO);
            capacity += registry.get("ecosystem.capacity.mbps").gauge().value();
            members += registry.get("ecosystem.program.members").tag("program", "GTI").gauge().value();
        }

        assertThat(capacity).isEqualTo(3000);
        assertThat(members).isEqualTo(4);
    }

    @Test
    void storesAreReadAtMostOncePerMaxAge() {
        Clock frozen = Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC);
        int owner = cluster.partitionOf(StoreKeys.GLOBAL) % 2;
        SimpleMeterRegistry registry = gaugesOf(owner, frozen, Duration.ofSeconds(5));
        assertThat(registry.get("ecosystem.active.pops").gauge().value()).isZero();

        cluster.put(StoreNames.GLOBAL_CAPACITY, StoreKeys.GLOBAL, new GlobalCapacity(3000, 3, 2, 2, 2));

        assertThat(registry.get("ecosystem.active.pops").gauge().value()).isZero();
    }

    @Test
    void restoringStoreReportsZeroRatherThanAStaleFigure() {
        int owner = cluster.partitionOf(StoreKeys.GLOBAL) % 2;
        cluster.put(StoreNames.GLOBAL_CAPACITY, StoreKeys.GLOBAL, new GlobalCapacity(3000, 3, 2, 2, 2));
        cluster.restoring(owner, StoreNames.GLOBAL_CAPACITY);

        assertThat(gaugesOf(owner, Clock.systemUTC(), Duration.ZERO).get("ecosystem.capacity.mbps").gauge().value()).isZero();
    }
}
