/** A client for Confluent Schema Registry's REST API, an in-memory registry for tests, and the shared error codes. */
package com.cmobile.ecosystem.registry;
