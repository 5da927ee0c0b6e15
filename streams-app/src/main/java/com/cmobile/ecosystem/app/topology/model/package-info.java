/** Values of the state stores, as the query layer returns them (immutable records, JSON-friendly). */
package com.cmobile.ecosystem.app.topology.model;
