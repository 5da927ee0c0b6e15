/** A client for Confluent Schema Registry's REST API, the in-memory registry model the tests and the registry server share, and the shared error codes. */
package com.cmobile.ecosystem.registry;
