/** Kafka serdes for the generated Avro events in Confluent's wire format (magic byte, schema id, Avro binary). */
package com.cmobile.ecosystem.serde;
