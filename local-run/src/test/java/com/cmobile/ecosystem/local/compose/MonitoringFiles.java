package com.cmobile.ecosystem.local.compose;

import java.util.Set;

/**
 * What the monitoring files expect of the app, for the end-to-end test to check against the
 * running app: the path Prometheus scrapes, the metric names declared exported, and the names the
 * dashboard queries.
 */
public final class MonitoringFiles {

    private MonitoringFiles() {
    }

    public static String prometheusMetricsPath() {
        return PrometheusConfigTest.metricsPath();
    }

    public static Set<String> declaredExportedMetrics() {
        return GrafanaDashboardTest.exportedMetrics();
    }

    public static Set<String> dashboardMetrics() {
        return GrafanaDashboardTest.queriedMetrics();
    }
}
