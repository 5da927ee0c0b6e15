/** Interactive queries: local state-store lookups, forwarding to the owning instance, fan-out and merge, answering with {@link com.cmobile.ecosystem.app.query.Answer} instead of exceptions. */
package com.cmobile.ecosystem.app.query;
