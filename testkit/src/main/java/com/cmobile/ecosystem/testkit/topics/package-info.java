/** Explicit, idempotent creation of the event topics and their dead-letter topics. */
package com.cmobile.ecosystem.testkit.topics;
