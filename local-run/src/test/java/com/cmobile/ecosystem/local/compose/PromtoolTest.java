package com.cmobile.ecosystem.local.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.cmobile.ecosystem.testkit.PeerRun;
import com.cmobile.ecosystem.testkit.Promtool;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prometheus' own checker ({@code promtool}, Debian package {@code prometheus}) on the Prometheus
 * configuration and on every PromQL expression of the Grafana dashboard. Without promtool these
 * fail on CI and are skipped elsewhere ({@link com.cmobile.ecosystem.testkit.RequiredPeer}).
 */
class PromtoolTest {

    @TempDir
    Path temp;

    @Test
    void promtoolAcceptsThePrometheusConfiguration() throws Exception {
        PeerRun result = Promtool.run("", "check", "config", RepoFiles.file(PrometheusConfigTest.CONFIG).toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void promtoolParsesEveryDashboardExpression() throws Exception {
        // promtool has no "check expression"; a recording rule per expression gets the same parser.
        var rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
        int n = 0;
        for (JsonNode panel : RepoFiles.json(GrafanaDashboardTest.DASHBOARD).path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText().replace("'", "''");
                rules.append("      - record: dashboard:expr_").append(n++).append('\n')
                        .append("        expr: '").append(expr).append("'\n");
            }
        }
        Path file = Files.writeString(temp.resolve("dashboard-rules.yml"), rules, StandardCharsets.UTF_8);

        PeerRun result = Promtool.run("", "check", "rules", file.toString());

        assertThat(n).isPositive();
        assertThat(result.exitCode()).as(result.output()).isZero();
    }
}
