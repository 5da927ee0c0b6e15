/** Deterministic seed scenario and random load stream that bring the pipeline to life. */
package com.cmobile.ecosystem.producers.simulator;
