/** The {@code producers.jar} command line: publish event files and run the seed and load simulators. */
package com.cmobile.ecosystem.producers.cli;
