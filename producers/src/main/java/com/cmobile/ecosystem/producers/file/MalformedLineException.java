package com.cmobile.ecosystem.producers.file;

/** A line that is not well-formed JSON or CSV; the message says where and why. */
final class MalformedLineException extends Exception {
    MalformedLineException(String message) {
        super(message);
    }
}
