package com.cmobile.ecosystem.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.cmobile.ecosystem.testkit.PythonInterop;
import org.junit.jupiter.api.Test;

/**
 * The short fault-injection run that {@code mvn verify} makes: at least 3 kills and a broker
 * restart under {@code exactly_once_v2}, and afterwards not one figure, dead letter or query answer
 * wrong. The full run and its figures: benchmarks/README.md.
 */
class ChaosQuickIT {

    @Test
    void exactlyOnceKeepsEveryAggregateThroughKillsAndBrokerRestarts() throws Exception {
        PythonInterop.requireConfluentClient();
        ChaosSettings settings = ChaosSettings.quick();

        ChaosResult result = ChaosMain.run(settings, System.err);

        System.err.println(result.line());
        assertThat(result.kills()).isGreaterThanOrEqualTo(3);
        assertThat(result.brokerRestarts()).isGreaterThanOrEqualTo(1);
        assertThat(result.mismatches()).as("mismatches (listed above as MISMATCH lines)").isZero();
        assertThat(result.dlqSeen()).as("dead letters").isEqualTo(result.dlqExpected()).isPositive();
        assertThat(result.queryErrors()).as("query errors (listed above)").isZero();
    }
}
