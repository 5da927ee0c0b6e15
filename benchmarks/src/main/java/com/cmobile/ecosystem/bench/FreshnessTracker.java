package com.cmobile.ecosystem.bench;

import org.HdrHistogram.Histogram;

/**
 * Freshness of one figure: send {@code i} (1, 2, 3, ...) sets the figure to a value from which
 * {@code i} can be read back, and sends of one key are applied in order, so an answer showing
 * {@code i} reflects every send up to {@code i} (a later send supersedes an earlier one that the
 * pipeline coalesced away). Each send's freshness is the time from just before it was sent to the
 * first answer that reflected it, in microseconds. Thread-safe; pure apart from the times passed in.
 */
final class FreshnessTracker {

    private static final long MAX_MICROS = 600_000_000L;

    private final long[] sentAt;
    private final Histogram micros = new Histogram(MAX_MICROS, 3);
    private int sent;
    private int reflected;

    FreshnessTracker(int capacity) {
        sentAt = new long[capacity];
    }

    /** Notes a send about to happen at {@code nanos}; returns its index (1 for the first). */
    synchronized int sending(long nanos) {
        if (sent == sentAt.length) {
            throw new IllegalStateException("more sends than the " + sentAt.length + " this tracker was made for");
        }
        sentAt[sent] = nanos;
        return ++sent;
    }

    /** An answer received at {@code nanos} showed the value of send {@code index} (0: none yet). */
    synchronized void observed(long index, long nanos) {
        long upTo = Math.min(index, sent);
        while (reflected < upTo) {
            micros.recordValue(Math.min(MAX_MICROS, Math.max(0, (nanos - sentAt[reflected]) / 1_000)));
            reflected++;
        }
    }

    synchronized int sent() {
        return sent;
    }

    /** Sends no answer has reflected yet. */
    synchronized int unreflected() {
        return sent - reflected;
    }

    /** A copy of the freshness of every reflected send, in microseconds. */
    synchronized Histogram micros() {
        return micros.copy();
    }
}
