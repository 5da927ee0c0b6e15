/** Broker-backed tests of the producers module: the publisher library and the command line against an embedded broker. */
package com.cmobile.ecosystem.producers.it;
