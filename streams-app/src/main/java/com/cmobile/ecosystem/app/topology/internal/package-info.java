/** Processors, aggregation functions and serdes behind the topology; not an API. */
package com.cmobile.ecosystem.app.topology.internal;
