/** The application as a deployment runs it, a JVM of its own ({@code App}): how it stops. */
package com.cmobile.ecosystem.app.it.lifecycle;
