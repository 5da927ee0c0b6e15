/**
 * Apache Kafka's own KRaft brokers run in-process: one combined broker and controller, or a
 * cluster of them replicated as in production; the single broker also in a secure mode
 * (SASL_SSL with SCRAM users, mutual TLS, ACLs) with its CA and certificates generated at start.
 */
package com.cmobile.ecosystem.testkit.broker;
