package com.cmobile.ecosystem.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** When each request of the open-loop client is due, and which ones count. */
class OpenLoopScheduleTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void requestsAreDueAtTheRateFromTheStartWhateverHappenedBefore() {
        var schedule = new OpenLoopSchedule(1_000, 500, SECOND, 2 * SECOND);

        assertThat(schedule.intendedStart(0)).isEqualTo(1_000);
        assertThat(schedule.intendedStart(1)).isEqualTo(1_000 + 2_000_000);
        assertThat(schedule.intendedStart(500)).isEqualTo(1_000 + SECOND);
    }

    @Test
    void onlyRequestsDueAfterTheWarmUpAreRecordedAndNoneAfterTheEndIsSent() {
        var schedule = new OpenLoopSchedule(0, 500, SECOND, 2 * SECOND);

        assertThat(schedule.recorded(schedule.intendedStart(499))).isFalse();
        assertThat(schedule.recorded(schedule.intendedStart(500))).isTrue();
        assertThat(schedule.finished(schedule.intendedStart(1_499))).isFalse();
        assertThat(schedule.finished(schedule.intendedStart(1_500))).isTrue();
        assertThat(schedule.recordedRequests()).isEqualTo(1_000);
    }

    @Test
    void aRateThatDoesNotDivideASecondStillRecordsRateTimesDuration() {
        var schedule = new OpenLoopSchedule(0, 3, 0, 10 * SECOND);

        assertThat(schedule.recordedRequests()).isEqualTo(30);
        assertThat(schedule.intendedStart(1)).isEqualTo(333_333_333L);
    }

    @Test
    void aScheduleNeedsARateAndADuration() {
        assertThatThrownBy(() -> new OpenLoopSchedule(0, 0, 0, SECOND)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OpenLoopSchedule(0, 10, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
