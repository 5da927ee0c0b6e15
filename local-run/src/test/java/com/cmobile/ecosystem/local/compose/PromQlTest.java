package com.cmobile.ecosystem.local.compose;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlTest {

    @Test
    void aggregationKeepsTheMetricAndDropsFunctionsAndGroupingLabels() {
        assertThat(PromQl.metricNames("sum by (program) (ecosystem_program_members)"))
                .containsExactly("ecosystem_program_members");
    }

    @Test
    void rangesLabelMatchersAndStringsAreNotMetrics() {
        assertThat(PromQl.metricNames("rate(kafka_stream_thread_process_total{job=\"app\", topic=~\"pop.*\"}[1m])"))
                .containsExactly("kafka_stream_thread_process_total");
    }

    @Test
    void everyOperandOfABinaryExpressionIsFound() {
        assertThat(PromQl.metricNames("sum(delta(a_total[1d])) + on (program) sum without (instance) (b)"))
                .containsExactlyInAnyOrder("a_total", "b");
    }
}
