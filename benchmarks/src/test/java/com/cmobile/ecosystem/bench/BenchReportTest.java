package com.cmobile.ecosystem.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The machine-readable last line: BENCH for the app, FLOOR for a floor run. */
class BenchReportTest {

    @Test
    void anAppRunEndsWithTheBenchLine() {
        var report = figures(new BenchReport());

        assertThat(lastLine(report)).isEqualTo("BENCH events=1000000 e2e_eps=7500 ceiling_eps=500000 ratio=0.015 "
                + "query_p50_ms=0.000 query_p99_ms=0.000 routed_p99_ms=0.000 fanout_p99_ms=0.000 qps=0 rss_mb=700");
    }

    @Test
    void aFloorRunEndsWithTheFloorLineInstead() {
        var report = figures(new BenchReport());
        report.floorKind = "count";

        assertThat(lastLine(report))
                .isEqualTo("FLOOR kind=count events=1000000 floor_eps=7500 ceiling_eps=500000 ratio=0.015 rss_mb=700");
    }

    private static BenchReport figures(BenchReport report) {
        report.events = 1_000_000;
        report.e2eEventsPerSecond = 7_500;
        report.ceilingEventsPerSecond = 500_000;
        report.rssMb = 700;
        report.row("measure", "value");
        return report;
    }

    private static String lastLine(BenchReport report) {
        var out = new ByteArrayOutputStream();
        report.print(new PrintStream(out, true, StandardCharsets.UTF_8));
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        return lines[lines.length - 1];
    }
}
