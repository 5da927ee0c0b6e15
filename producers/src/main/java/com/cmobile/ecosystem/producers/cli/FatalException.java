package com.cmobile.ecosystem.producers.cli;

/** An error that ends the command with exit code 1; its message is the whole report. */
final class FatalException extends RuntimeException {
    FatalException(String message) {
        super(message);
    }
}
