/** Schema registry speaking Confluent's REST subset, stored in a compacted Kafka topic. */
package com.cmobile.ecosystem.registry.server;
