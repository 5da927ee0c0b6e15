package com.cmobile.ecosystem.producers.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * A one-line progress bar on the terminal, redrawn in place at most four times a second. It only
 * appears once a file has proved long (a few thousand lines); short files finish before it would.
 */
final class ProgressBar {

    static final long SHOW_AFTER_LINES = 5_000;
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 250_000_000L;

    private final PrintWriter out;
    private final OptionalLong totalBytes;
    private final boolean enabled;
    private final long startNanos = System.nanoTime();
    private long lastDraw;
    private boolean drawn;

    ProgressBar(PrintWriter out, OptionalLong totalBytes, boolean enabled) {
        this.out = out;
        this.totalBytes = totalBytes;
        this.enabled = enabled;
    }

    void update(long lines, long bytesRead, long published) {
        if (!enabled || lines < SHOW_AFTER_LINES) {
            return;
        }
        long now = System.nanoTime();
        if (drawn && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        drawn = true;
        double seconds = Math.max(1, now - startNanos) / 1e9;
        String rate = String.format(Locale.ROOT, "%,d lines  %,.0f events/s", lines, published / seconds);
        if (totalBytes.isPresent() && totalBytes.getAsLong() > 0) {
            double done = Math.min(1.0, (double) bytesRead / totalBytes.getAsLong());
            int filled = (int) Math.round(done * WIDTH);
            out.printf(Locale.ROOT, "\r[%s%s] %3.0f%%  %s ", "#".repeat(filled), ".".repeat(WIDTH - filled),
                    done * 100, rate);
        } else {
            out.print("\r" + rate + " ");
        }
        out.flush();
    }

    /** Erases the bar so the summary starts on a clean line. */
    void finish() {
        if (drawn) {
            out.print("\r" + " ".repeat(WIDTH + 60) + "\r");
            out.flush();
        }
    }
}
