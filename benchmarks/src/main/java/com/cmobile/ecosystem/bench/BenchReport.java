package com.cmobile.ecosystem.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The figures of one run, printed as a readable table followed by exactly one machine-readable
 * line, always the last:
 * {@code BENCH events=<n> e2e_eps=<n> ceiling_eps=<n> ratio=<x> query_p50_ms=<x> query_p99_ms=<x>
 * routed_p99_ms=<x> fanout_p99_ms=<x> qps=<n> rss_mb=<n>}; for a floor run ({@code -Dbench.floor}),
 * {@code FLOOR kind=<count|decode> events=<n> floor_eps=<n> ceiling_eps=<n> ratio=<x> rss_mb=<n>} instead.
 */
final class BenchReport {

    private final List<String[]> rows = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    long events;
    double e2eEventsPerSecond;
    double ceilingEventsPerSecond;
    QueryLoad.Result queries;
    long rssMb;
    /** Set when the run measured {@link FloorApp} instead of the app: the last line is then a FLOOR line. */
    String floorKind;

    void row(String what, String value) {
        rows.add(new String[] {what, value});
    }

    void warn(String warning) {
        warnings.add(warning);
    }

    void queryRows(QueryLoad.Result result) {
        queries = result;
        row("query: local key", latency(result.local()));
        row("query: routed key", latency(result.routed()));
        row("query: fan-out list", latency(result.fanout()));
        row("query: sustained", String.format(Locale.ROOT, "%,.0f queries/s over %.0f s, %,d failed %s",
                result.queriesPerSecond(), result.seconds(), result.failed(),
                result.failuresByStatus().isEmpty() ? "" : result.failuresByStatus().toString()));
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
        double ratio = ceilingEventsPerSecond > 0 ? e2eEventsPerSecond / ceilingEventsPerSecond : 0;
        if (floorKind != null) {
            return String.format(Locale.ROOT, "FLOOR kind=%s events=%d floor_eps=%.0f ceiling_eps=%.0f ratio=%.3f rss_mb=%d",
                    floorKind, events, e2eEventsPerSecond, ceilingEventsPerSecond, ratio, rssMb);
        }
        return String.format(Locale.ROOT,
                "BENCH events=%d e2e_eps=%.0f ceiling_eps=%.0f ratio=%.3f query_p50_ms=%.3f query_p99_ms=%.3f "
                        + "routed_p99_ms=%.3f fanout_p99_ms=%.3f qps=%.0f rss_mb=%d",
                events, e2eEventsPerSecond, ceilingEventsPerSecond, ratio,
                millis(queries == null ? null : queries.local(), 50), millis(queries == null ? null : queries.local(), 99),
                millis(queries == null ? null : queries.routed(), 99), millis(queries == null ? null : queries.fanout(), 99),
                queries == null ? 0 : queries.queriesPerSecond(), rssMb);
    }

    static String latency(Histogram h) {
        if (h.getTotalCount() == 0) {
            return "no samples";
        }
        return String.format(Locale.ROOT, "p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f ms  (%,d answers)",
                millis(h, 50), millis(h, 90), millis(h, 99), millis(h, 99.9), h.getMaxValue() / 1000.0,
                h.getTotalCount());
    }

    private static double millis(Histogram h, double percentile) {
        return h == null || h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1000.0;
    }

    static String rate(long events, double seconds) {
        return String.format(Locale.ROOT, "%,d events in %.2f s = %,.0f events/s", events, seconds, events / seconds);
    }

    static String describe(Map<String, Long> counts) {
        return counts.toString();
    }
}
