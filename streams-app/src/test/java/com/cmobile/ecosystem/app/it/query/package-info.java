/** Broker-backed tests of interactive queries across several instances of the streams application. */
package com.cmobile.ecosystem.app.it.query;
