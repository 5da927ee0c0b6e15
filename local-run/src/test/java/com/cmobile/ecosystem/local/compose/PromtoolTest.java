package com.cmobile.ecosystem.local.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prometheus' own checker ({@code promtool}, Debian package {@code prometheus}) on the Prometheus
 * configuration and on every PromQL expression of the Grafana dashboard. Skipped where promtool is
 * missing, except on CI ({@code CI=true}), which installs it.
 */
class PromtoolTest {

    @TempDir
    Path temp;

    @Test
    void promtoolAcceptsThePrometheusConfiguration() throws Exception {
        Result result = promtool("check", "config", RepoFiles.file(PrometheusConfigTest.CONFIG).toString());

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

        Result result = promtool("check", "rules", file.toString());

        assertThat(n).isPositive();
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    private record Result(int exitCode, String output) {
    }

    private static Result promtool(String... args) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of("promtool"));
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            assertThat(System.getenv("CI")).as("promtool is required on CI (apt-get install prometheus)").isNotEqualTo("true");
            assumeTrue(false, "promtool not installed (apt-get install prometheus)");
            throw notInstalled;
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("promtool did not finish within 60 s: " + command);
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
