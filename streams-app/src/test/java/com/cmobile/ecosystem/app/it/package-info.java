/** What the broker-backed tests share: the naive recomputation of the HTTP answers from the events sent. */
package com.cmobile.ecosystem.app.it;
