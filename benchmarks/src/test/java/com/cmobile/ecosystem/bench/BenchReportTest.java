package com.cmobile.ecosystem.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The machine-readable last line. */
class BenchReportTest {

    @Test
    void aFullRunEndsWithEveryFigureInTheBenchLine() {
        var report = figures(new BenchReport());

        assertThat(lastLine(report)).isEqualTo("BENCH events=1000000 e2e_eps=7500 floor_eps=40000 vs_floor=0.188 "
                + "ceiling_eps=500000 fresh_p50_ms=120.00 fresh_p99_ms=480.00 key_p99_ms=6.30 routed_p99_ms=12.50 "
                + "list_p99_ms=20.00 max_key_qps=3200 rss_mb=700 start_s=14.2");
    }

    @Test
    void figuresNotMeasuredAreNa() {
        var report = new BenchReport();
        report.events = 100;
        report.e2eEventsPerSecond = 5_000;
        report.row("measure", "value");

        assertThat(lastLine(report)).isEqualTo("BENCH events=100 e2e_eps=5000 floor_eps=NA vs_floor=NA ceiling_eps=NA "
                + "fresh_p50_ms=NA fresh_p99_ms=NA key_p99_ms=NA routed_p99_ms=NA list_p99_ms=NA max_key_qps=NA "
                + "rss_mb=NA start_s=NA");
    }

    @Test
    void theTableComesBeforeTheLineAndWarningsBetween() {
        var report = figures(new BenchReport());
        report.warn("slow");

        String[] lines = print(report);
        assertThat(lines[lines.length - 2]).isEqualTo("WARNING: slow");
        assertThat(lines).anyMatch(line -> line.startsWith("measure") && line.endsWith("| value"));
    }

    private static BenchReport figures(BenchReport report) {
        report.events = 1_000_000;
        report.e2eEventsPerSecond = 7_500;
        report.floorEventsPerSecond = 40_000;
        report.ceilingEventsPerSecond = 500_000;
        // Values at the top of their HdrHistogram bucket (3 digits) print as written.
        report.fresh = histogram(97, 119_936, 3, 479_744);
        report.keyLookups = histogram(98, 1_000, 2, 6_300);
        report.routedLookups = histogram(98, 2_000, 2, 12_496);
        report.listPages = histogram(98, 3_000, 2, 19_984);
        report.maxKeyQps = 3_200;
        report.rssMb = 700;
        report.startSeconds = 14.24;
        report.row("measure", "value");
        return report;
    }

    /** Pairs of (count, µs). */
    private static Histogram histogram(long... countsAndMicros) {
        var h = new Histogram(60_000_000L, 3);
        for (int i = 0; i < countsAndMicros.length; i += 2) {
            h.recordValueWithCount(countsAndMicros[i + 1], countsAndMicros[i]);
        }
        return h;
    }

    private static String lastLine(BenchReport report) {
        String[] lines = print(report);
        return lines[lines.length - 1];
    }

    private static String[] print(BenchReport report) {
        var out = new ByteArrayOutputStream();
        report.print(new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8).split("\n");
    }
}
