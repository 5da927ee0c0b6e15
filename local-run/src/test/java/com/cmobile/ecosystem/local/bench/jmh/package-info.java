/**
 * JMH microbenchmarks of the project's wire-format serdes against Avro's plain datum writer and
 * reader; compiled and run only with the {@code bench} Maven profile (see local-run/BENCHMARKS.md).
 */
package com.cmobile.ecosystem.local.bench.jmh;
