/** Broker-backed tests of the HTTP API's security (tokens, peer secret, TLS) and of its robustness (fuzz). */
package com.cmobile.ecosystem.app.it.http;
