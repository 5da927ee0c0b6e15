package com.cmobile.ecosystem.local.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docker/prometheus/prometheus.yml scrapes both app instances where compose runs them. That the
 * path really serves the metrics is proven against the running app by the end-to-end test.
 */
class PrometheusConfigTest {

    static final String CONFIG = "docker/prometheus/prometheus.yml";

    @Test
    void scrapesEveryAppInstanceAtItsServiceNameAndHttpPort() {
        var expected = new ArrayList<String>();
        for (String app : ComposeFileTest.APP_SERVICES) {
            expected.add(app + ":" + ComposeFileTest.environment(app).get("HTTP_PORT"));
        }

        assertThat(targets(appJob())).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void scrapesTheMetricsPathTheAppServes() {
        assertThat(metricsPath()).isEqualTo("/metrics");
    }

    @Test
    void composeMountsThisFileAsPrometheusConfiguration() {
        JsonNode volumes = RepoFiles.compose().path("services").path("prometheus").path("volumes");

        assertThat(volumes.toString()).contains("./" + CONFIG + ":/etc/prometheus/prometheus.yml");
    }

    /** The path Prometheus asks the app instances for. */
    static String metricsPath() {
        return appJob().path("metrics_path").asText("/metrics");
    }

    private static JsonNode appJob() {
        for (JsonNode job : RepoFiles.yaml(CONFIG).path("scrape_configs")) {
            if (targets(job).stream().anyMatch(t -> t.startsWith("app-"))) {
                return job;
            }
        }
        throw new AssertionError("no scrape job targets the app instances in " + CONFIG);
    }

    private static List<String> targets(JsonNode job) {
        var targets = new ArrayList<String>();
        job.path("static_configs").forEach(config -> config.path("targets").forEach(t -> targets.add(t.asText())));
        return targets;
    }
}
