/** A head start for the broker's own coordinator topics while the launcher starts the app. */
package com.cmobile.ecosystem.local.topics;
