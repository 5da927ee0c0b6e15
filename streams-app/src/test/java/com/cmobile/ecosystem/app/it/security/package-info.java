/** The application on testkit's secure broker: authenticated, and under the ACLs a deployment applies. */
package com.cmobile.ecosystem.app.it.security;
