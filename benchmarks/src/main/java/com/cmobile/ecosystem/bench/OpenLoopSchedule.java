package com.cmobile.ecosystem.bench;

/**
 * When each request of an open-loop client is meant to start (the {@code wrk2} way of keeping
 * coordinated omission out of the figures): request {@code k} is due at {@code start + k / rate},
 * whatever happened to the requests before it, and its latency is measured from that intended
 * start, so a stalled server is charged for every request it kept waiting. Requests due during the
 * warm-up are sent but not recorded; the schedule ends when the warm-up and the measured duration
 * are over. Pure.
 *
 * @param startNanos    {@link System#nanoTime()} at which request 0 is due
 * @param ratePerSecond offered requests per second
 * @param warmUpNanos   how long after the start requests are sent but not recorded
 * @param durationNanos how long requests are recorded after the warm-up
 */
record OpenLoopSchedule(long startNanos, double ratePerSecond, long warmUpNanos, long durationNanos) {

    OpenLoopSchedule {
        if (!(ratePerSecond > 0) || warmUpNanos < 0 || durationNanos <= 0) {
            throw new IllegalArgumentException("an open-loop schedule needs a positive rate and duration, got "
                    + ratePerSecond + " per second for " + durationNanos + " ns after " + warmUpNanos + " ns");
        }
    }

    /** When request {@code k} (0, 1, 2, ...) is due. */
    long intendedStart(long k) {
        return startNanos + (long) (k * 1e9 / ratePerSecond);
    }

    /** Whether a request due at {@code intendedStart} counts (it is due after the warm-up). */
    boolean recorded(long intendedStart) {
        return intendedStart - startNanos >= warmUpNanos;
    }

    /** Whether a request due at {@code intendedStart} is past the end and must not be sent. */
    boolean finished(long intendedStart) {
        return intendedStart - startNanos >= warmUpNanos + durationNanos;
    }

    /** How many requests the schedule records: the rate times the measured duration. */
    long recordedRequests() {
        long first = firstIndexAtOrAfter(warmUpNanos);
        long end = firstIndexAtOrAfter(warmUpNanos + durationNanos);
        return end - first;
    }

    private long firstIndexAtOrAfter(long offsetNanos) {
        long k = (long) Math.floor(offsetNanos * ratePerSecond / 1e9);
        while (k > 0 && intendedStart(k - 1) - startNanos >= offsetNanos) {
            k--;
        }
        while (intendedStart(k) - startNanos < offsetNanos) {
            k++;
        }
        return k;
    }
}
