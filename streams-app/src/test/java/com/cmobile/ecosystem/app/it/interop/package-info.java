/** Interoperability checks against Confluent's own clients. */
package com.cmobile.ecosystem.app.it.interop;
