/** How every Kafka client of the pipeline (app, producers, registry) is secured: one set of rules. */
package com.cmobile.ecosystem.kafka;
