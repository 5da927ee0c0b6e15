package com.cmobile.ecosystem.local.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The provisioned Grafana dashboard: it parses, has the panels the operators asked for, and queries
 * only metrics the app exports. The exported names are {@value #EXPORTED_METRICS}, which the
 * end-to-end test proves against a real scrape of the running app.
 */
class GrafanaDashboardTest {

    static final String DASHBOARD = "docker/grafana/dashboards/ecosystem.json";
    static final String EXPORTED_METRICS = "exported-metrics.txt";

    private final JsonNode dashboard = RepoFiles.json(DASHBOARD);

    @Test
    void dashboardHasThePanelsOperatorsNeed() {
        assertThat(titles()).contains("Capacity by region", "Members and partners per program",
                "Daily growth (members + partners, per program)", "Records processed per second",
                "Consumer lag (records)", "Dead-lettered records");
    }

    @Test
    void everyPanelQueriesOnlyMetricsTheAppExports() {
        Set<String> exported = exportedMetrics();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                assertThat(PromQl.metricNames(target.path("expr").asText()))
                        .as("metrics of panel '%s'", panel.path("title").asText())
                        .isNotEmpty()
                        .isSubsetOf(exported);
            }
        }
    }

    @Test
    void everyPanelUsesTheProvisionedDataSource() {
        String uid = RepoFiles.yaml("docker/grafana/provisioning/datasources/prometheus.yml")
                .path("datasources").get(0).path("uid").asText();
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(panel.path("datasource").path("uid").asText()).as("panel %s", panel.path("title")).isEqualTo(uid);
        }
    }

    @Test
    void dataSourcePointsAtThePrometheusService() {
        JsonNode source = RepoFiles.yaml("docker/grafana/provisioning/datasources/prometheus.yml").path("datasources").get(0);

        assertThat(source.path("type").asText()).isEqualTo("prometheus");
        assertThat(source.path("url").asText()).isEqualTo("http://prometheus:9090");
    }

    @Test
    void dashboardProviderReadsTheDirectoryComposeMountsTheDashboardsInto() {
        String path = RepoFiles.yaml("docker/grafana/provisioning/dashboards/ecosystem.yml")
                .path("providers").get(0).path("options").path("path").asText();
        JsonNode volumes = RepoFiles.compose().path("services").path("grafana").path("volumes");

        assertThat(volumes.toString()).contains("./docker/grafana/dashboards:" + path);
    }

    @Test
    void panelsDoNotOverlap() {
        var taken = new TreeSet<String>();
        for (JsonNode panel : dashboard.path("panels")) {
            JsonNode grid = panel.path("gridPos");
            for (int x = grid.path("x").asInt(); x < grid.path("x").asInt() + grid.path("w").asInt(); x++) {
                for (int y = grid.path("y").asInt(); y < grid.path("y").asInt() + grid.path("h").asInt(); y++) {
                    assertThat(taken.add(x + "," + y)).as("cell %d,%d of panel %s", x, y, panel.path("title")).isTrue();
                }
            }
        }
    }

    /** Every metric name the dashboard queries, for the end-to-end test to find in a real scrape. */
    static Set<String> queriedMetrics() {
        var names = new TreeSet<String>();
        RepoFiles.json(DASHBOARD).path("panels").forEach(panel -> panel.path("targets")
                .forEach(target -> names.addAll(PromQl.metricNames(target.path("expr").asText()))));
        return names;
    }

    static Set<String> exportedMetrics() {
        try (InputStream in = GrafanaDashboardTest.class.getResourceAsStream(EXPORTED_METRICS)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + EXPORTED_METRICS);
            }
            var names = new TreeSet<String>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    names.add(name);
                }
            }
            return names;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + EXPORTED_METRICS, e);
        }
    }

    private List<String> titles() {
        var titles = new ArrayList<String>();
        dashboard.path("panels").forEach(panel -> titles.add(panel.path("title").asText()));
        return titles;
    }
}
