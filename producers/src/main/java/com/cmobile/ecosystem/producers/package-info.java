/** Publishing library for partner systems: validated, idempotent, asynchronous publication of ecosystem events. */
package com.cmobile.ecosystem.producers;
