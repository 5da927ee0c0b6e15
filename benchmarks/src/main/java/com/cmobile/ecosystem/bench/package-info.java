/**
 * The pipeline benchmark: pipeline throughput against the broker's own consume-and-decode ceiling,
 * interactive-query latency while events arrive, and the app's peak memory, measured in one run on
 * a fresh embedded broker ({@link com.cmobile.ecosystem.bench.PipelineBenchmark}).
 */
package com.cmobile.ecosystem.bench;
