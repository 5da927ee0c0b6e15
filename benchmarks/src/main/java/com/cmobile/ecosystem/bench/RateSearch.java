package com.cmobile.ecosystem.bench;

import java.util.OptionalInt;

/**
 * The search for the highest offered rate that still passes (for {@code max_key_qps}: p99 within the
 * bound, no failed request): start at {@code first}, double while each step passes, then bisect
 * between the highest rate that passed and the lowest that failed until they are within
 * {@code precision} of each other (relative to the passing rate), at most {@code maxSteps} steps in all.
 * Rates are rounded to tens. Pure: the caller runs each step and reports whether it passed.
 */
final class RateSearch {

    private static final int GRAIN = 10;

    private final int first;
    private final int max;
    private final double precision;
    private final int maxSteps;
    private int highestPassed;
    private int lowestFailed = Integer.MAX_VALUE;
    private int steps;

    RateSearch(int first, int max, double precision, int maxSteps) {
        if (first < GRAIN || max < first || !(precision > 0) || maxSteps < 1) {
            throw new IllegalArgumentException("a rate search needs " + GRAIN + " <= first <= max, a positive"
                    + " precision and at least one step, got first " + first + ", max " + max + ", precision "
                    + precision + ", steps " + maxSteps);
        }
        this.first = first;
        this.max = max;
        this.precision = precision;
        this.maxSteps = maxSteps;
    }

    /** The next rate to try, or empty when the search is over. */
    OptionalInt next() {
        if (steps >= maxSteps) {
            return OptionalInt.empty();
        }
        if (lowestFailed == Integer.MAX_VALUE) {
            if (highestPassed >= max) {
                return OptionalInt.empty();
            }
            return OptionalInt.of(highestPassed == 0 ? first : Math.min(max, highestPassed * 2));
        }
        int gap = lowestFailed - highestPassed;
        if (gap <= Math.max(GRAIN, precision * highestPassed)) {
            return OptionalInt.empty();
        }
        int middle = Math.round((highestPassed + lowestFailed) / 2f / GRAIN) * GRAIN;
        if (middle <= highestPassed || middle >= lowestFailed) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(middle);
    }

    /** What the step at {@code rate} gave. */
    void record(int rate, boolean passed) {
        steps++;
        if (passed) {
            highestPassed = Math.max(highestPassed, rate);
        } else {
            lowestFailed = Math.min(lowestFailed, rate);
        }
    }

    /** The highest rate that passed; 0 if none did. */
    int best() {
        return highestPassed;
    }

    /** Whether the search stopped at {@code max} without a failure: the real figure may be higher. */
    boolean reachedMax() {
        return highestPassed >= max && lowestFailed == Integer.MAX_VALUE;
    }
}
