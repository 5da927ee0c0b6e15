/** Values of the state stores, as the query layer returns them (immutable records), and their one JSON form, {@link com.cmobile.ecosystem.app.topology.model.ModelJson}. */
package com.cmobile.ecosystem.app.topology.model;
