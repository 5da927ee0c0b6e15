/** Observability: Micrometer/Prometheus binding, business gauges over this instance's active tasks, the DLQ counter and the health of the Streams client. */
package com.cmobile.ecosystem.app.metrics;
