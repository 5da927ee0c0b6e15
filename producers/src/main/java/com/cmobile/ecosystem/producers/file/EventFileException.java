package com.cmobile.ecosystem.producers.file;

/**
 * A problem that makes a whole file unreadable (a CSV header naming unknown columns, an I/O error),
 * as opposed to a bad line, which is rejected on its own.
 */
public final class EventFileException extends RuntimeException {
    public EventFileException(String message) {
        super(message);
    }

    public EventFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
