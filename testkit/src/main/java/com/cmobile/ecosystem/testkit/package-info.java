/**
 * JUnit 5 test kit: one embedded broker per test JVM, with the schema registry of the
 * {@link com.cmobile.ecosystem.testkit.SchemaRegistryProvider} on the class path, injected as a
 * parameter, and helpers for the real peers tests check us against (Confluent's Python client,
 * promtool).
 */
package com.cmobile.ecosystem.testkit;
