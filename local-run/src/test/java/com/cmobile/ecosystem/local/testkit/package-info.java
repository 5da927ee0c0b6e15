/** JUnit 5 test kit: one embedded broker and schema registry per test JVM, injected as a parameter. */
package com.cmobile.ecosystem.local.testkit;
