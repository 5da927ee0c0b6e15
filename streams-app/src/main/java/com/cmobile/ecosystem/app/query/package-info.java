/** Interactive queries: local state-store lookups, forwarding to the owning instance, fan-out and merge, with result types instead of exceptions. */
package com.cmobile.ecosystem.app.query;
