package com.cmobile.ecosystem.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Freshness per send, from answers that show the index of the last send they reflect. */
class FreshnessTrackerTest {

    private static final long MS = 1_000_000;

    @Test
    void eachSendIsFreshWhenTheFirstAnswerReflectsIt() {
        var tracker = new FreshnessTracker(10);
        tracker.sending(0);
        tracker.sending(10 * MS);

        tracker.observed(0, 50 * MS);
        tracker.observed(1, 100 * MS);
        tracker.observed(2, 130 * MS);
        tracker.observed(2, 200 * MS);

        var micros = tracker.micros();
        assertThat(micros.getTotalCount()).isEqualTo(2);
        assertThat(micros.getMaxValue()).isBetween(119_900L, 120_100L);
        assertThat(micros.getMinValue()).isBetween(99_900L, 100_100L);
        assertThat(tracker.unreflected()).isZero();
    }

    @Test
    void aSendCoalescedAwayIsReflectedByTheLaterSendThatSupersededIt() {
        var tracker = new FreshnessTracker(10);
        tracker.sending(0);
        tracker.sending(20 * MS);
        tracker.sending(40 * MS);

        tracker.observed(3, 240 * MS);

        var micros = tracker.micros();
        assertThat(micros.getTotalCount()).isEqualTo(3);
        assertThat(micros.getMaxValue()).isBetween(239_000L, 241_000L);
        assertThat(micros.getMinValue()).isBetween(199_000L, 201_000L);
    }

    @Test
    void sendsNoAnswerReflectedAreCountedNotRecorded() {
        var tracker = new FreshnessTracker(10);
        tracker.sending(0);
        tracker.sending(10 * MS);

        tracker.observed(1, 30 * MS);

        assertThat(tracker.micros().getTotalCount()).isEqualTo(1);
        assertThat(tracker.unreflected()).isEqualTo(1);
        assertThat(tracker.sent()).isEqualTo(2);
    }

    @Test
    void anAnswerAheadOfTheSendsCountsOnlyWhatWasSent() {
        var tracker = new FreshnessTracker(10);
        tracker.sending(0);

        tracker.observed(5, 10 * MS);

        assertThat(tracker.micros().getTotalCount()).isEqualTo(1);
    }
}
