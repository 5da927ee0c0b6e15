/** The Avro event contract (generated classes) and the names of the topics that carry it. */
package com.cmobile.ecosystem.events;
