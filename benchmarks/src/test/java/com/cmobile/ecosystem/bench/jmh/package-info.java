/**
 * JMH microbenchmarks of the project's wire-format serdes against Avro's plain datum writer and
 * reader; compiled and run only with the {@code bench} Maven profile (see benchmarks/BENCHMARKS.md).
 */
package com.cmobile.ecosystem.bench.jmh;
