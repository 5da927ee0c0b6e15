/** Builds the Kafka Streams topology (pure: no I/O, no environment) and names its stores. */
package com.cmobile.ecosystem.app.topology;
