/**
 * The all-in-one local run: one process with the embedded KRaft broker, the schema registry, the
 * event topics, the streams application and its HTTP API, fed once with the seed scenario; with
 * {@code --secure} all of it secured ({@code SecureRun}, {@code SecureDirectory}).
 * {@link com.cmobile.ecosystem.local.LocalRun} is the entry point.
 */
package com.cmobile.ecosystem.local;
