package com.cmobile.ecosystem.bench.chaos;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one fault-injection run; {@link #line()} is its last line of output.
 *
 * @param failovers seconds from each kill until every key route answered again
 * @param answers   the query client's answers by status
 * @param rebalancesWithoutFault rebalances the instances counted between the start of the load and
 *                  the first fault
 * @param pauses    instances stopped and resumed (SIGSTOP, SIGCONT) at a calm moment
 * @param rebalancesAfterPauses rebalances counted from the start of each pause until a session
 *                  timeout after its end: a pause shorter than the session must cause none
 */
public record ChaosResult(String guarantee, int events, int kills, int brokerRestarts, int mismatches,
                          long dlqExpected, long dlqSeen, int queryErrors, List<Double> failovers,
                          Map<String, Long> answers, long rebalancesWithoutFault, int pauses,
                          long rebalancesAfterPauses) {

    public ChaosResult {
        failovers = List.copyOf(failovers);
        answers = Map.copyOf(answers);
    }

    public double failoverP99Seconds() {
        return ChaosRun.percentile(failovers, 99);
    }

    public double failoverP50Seconds() {
        return ChaosRun.percentile(failovers, 50);
    }

    public double failoverMaxSeconds() {
        return ChaosRun.percentile(failovers, 100);
    }

    /** The fields first, in its order; the failover distribution, calm rebalances and pauses after them. */
    public String line() {
        return String.format(Locale.ROOT, "CHAOS guarantee=%s events=%d kills=%d broker_restarts=%d mismatches=%d"
                        + " dlq_expected=%d dlq_seen=%d query_errors=%d failover_p99_s=%.1f failover_p50_s=%.1f"
                        + " failover_max_s=%.1f rebalances_without_fault=%d pauses=%d rebalances_after_pauses=%d",
                guarantee, events, kills, brokerRestarts, mismatches, dlqExpected, dlqSeen, queryErrors,
                failoverP99Seconds(), failoverP50Seconds(), failoverMaxSeconds(), rebalancesWithoutFault, pauses,
                rebalancesAfterPauses);
    }
}
