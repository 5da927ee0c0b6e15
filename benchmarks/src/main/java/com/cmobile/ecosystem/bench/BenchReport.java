package com.cmobile.ecosystem.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * The figures of one run, printed as a readable table followed by exactly one machine-readable
 * line, always the last:
 * {@code BENCH events=<n> e2e_eps=<n> floor_eps=<n> vs_floor=<x> ceiling_eps=<n> fresh_p50_ms=<x>
 * fresh_p99_ms=<x> key_p99_ms=<x> routed_p99_ms=<x> list_p99_ms=<x> max_key_qps=<n> rss_mb=<n> start_s=<x>}.
 * A figure the run did not measure (a phase skipped, failed or out of time) is {@code NA}.
 */
final class BenchReport {

    private final List<String[]> rows = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    long events;
    double e2eEventsPerSecond = Double.NaN;
    double floorEventsPerSecond = Double.NaN;
    double ceilingEventsPerSecond = Double.NaN;
    /** Freshness of every probe send, µs. */
    Histogram fresh;
    /** Open-loop latencies at the offered query rate, µs. */
    Histogram keyLookups;
    Histogram routedLookups;
    Histogram listPages;
    /** -1 until measured. */
    int maxKeyQps = -1;
    long rssMb = -1;
    double startSeconds = Double.NaN;

    void row(String what, String value) {
        rows.add(new String[] {what, value});
    }

    void warn(String warning) {
        warnings.add(warning);
    }

    void print(PrintStream out) {
        int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(10);
        out.println();
        out.println(String.format(Locale.ROOT, "%-" + width + "s | %s", "measure", "result"));
        out.println("-".repeat(width) + "-+-" + "-".repeat(60));
        for (String[] row : rows) {
            out.println(String.format(Locale.ROOT, "%-" + width + "s | %s", row[0], row[1]));
        }
        warnings.forEach(w -> out.println("WARNING: " + w));
        out.println(benchLine());
        out.flush();
    }

    String benchLine() {
        return "BENCH events=" + events
                + " e2e_eps=" + number(e2eEventsPerSecond, "%.0f")
                + " floor_eps=" + number(floorEventsPerSecond, "%.0f")
                + " vs_floor=" + number(e2eEventsPerSecond / floorEventsPerSecond, "%.3f")
                + " ceiling_eps=" + number(ceilingEventsPerSecond, "%.0f")
                + " fresh_p50_ms=" + millis(fresh, 50)
                + " fresh_p99_ms=" + millis(fresh, 99)
                + " key_p99_ms=" + millis(keyLookups, 99)
                + " routed_p99_ms=" + millis(routedLookups, 99)
                + " list_p99_ms=" + millis(listPages, 99)
                + " max_key_qps=" + (maxKeyQps < 0 ? "NA" : Integer.toString(maxKeyQps))
                + " rss_mb=" + (rssMb < 0 ? "NA" : Long.toString(rssMb))
                + " start_s=" + number(startSeconds, "%.1f");
    }

    /** {@code value} formatted, or NA when it was not measured (NaN, infinite or not positive). */
    private static String number(double value, String format) {
        return Double.isFinite(value) && value > 0 ? String.format(Locale.ROOT, format, value) : "NA";
    }

    private static String millis(Histogram micros, double percentile) {
        return micros == null || micros.getTotalCount() == 0 ? "NA"
                : String.format(Locale.ROOT, "%.2f", micros.getValueAtPercentile(percentile) / 1000.0);
    }

    static String latency(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return "no samples";
        }
        return String.format(Locale.ROOT, "p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f ms  (%,d answers)",
                micros.getValueAtPercentile(50) / 1000.0, micros.getValueAtPercentile(90) / 1000.0,
                micros.getValueAtPercentile(99) / 1000.0, micros.getValueAtPercentile(99.9) / 1000.0,
                micros.getMaxValue() / 1000.0, micros.getTotalCount());
    }

    static String rate(long events, double seconds) {
        return String.format(Locale.ROOT, "%,d events in %.2f s = %,.0f events/s", events, seconds, events / seconds);
    }
}
