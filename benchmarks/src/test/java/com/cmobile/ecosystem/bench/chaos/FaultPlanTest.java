package com.cmobile.ecosystem.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.cmobile.ecosystem.bench.chaos.FaultPlan.Fault;
import com.cmobile.ecosystem.bench.chaos.FaultPlan.Type;
import org.junit.jupiter.api.Test;

class FaultPlanTest {

    @Test
    void theFullRunHasItsKillsBrokerRestartsAndPausesInsideTheLoadPeriod() {
        ChaosSettings full = ChaosSettings.full();
        FaultPlan plan = FaultPlan.generate(full);

        assertThat(plan.faults()).filteredOn(f -> f.type() == Type.KILL).hasSize(full.kills());
        assertThat(plan.faults()).filteredOn(f -> f.type() == Type.BROKER_RESTART).hasSize(full.brokerRestarts());
        assertThat(plan.faults()).filteredOn(f -> f.type() == Type.PAUSE).hasSize(full.pauses())
                .allSatisfy(f -> assertThat(f.target()).isBetween(0, full.instances() - 1))
                .noneMatch(Fault::emptyState);
        assertThat(plan.faults()).allSatisfy(f -> assertThat(f.at()).isPositive().isLessThan(full.load()));
        assertThat(plan.faults()).extracting(Fault::at).isSorted();
    }

    @Test
    void theSameSeedReplaysTheSameSchedule() {
        assertThat(FaultPlan.generate(ChaosSettings.full())).isEqualTo(FaultPlan.generate(ChaosSettings.full()));
    }
}
