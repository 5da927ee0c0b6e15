/**
 * JUnit 5 test kit: one embedded broker and schema registry per test JVM, injected as a parameter,
 * and helpers for the real peers tests check us against (Confluent's Python client, promtool).
 */
package com.cmobile.ecosystem.testkit;
