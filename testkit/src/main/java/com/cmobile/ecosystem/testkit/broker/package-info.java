/**
 * Apache Kafka's own KRaft brokers run in-process: one combined broker and controller, or a
 * cluster of them replicated as in production.
 */
package com.cmobile.ecosystem.testkit.broker;
