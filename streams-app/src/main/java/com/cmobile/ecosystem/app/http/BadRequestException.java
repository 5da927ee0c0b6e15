package com.cmobile.ecosystem.app.http;

/** A request parameter is wrong; answered 400 with a message naming it. */
public final class BadRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BadRequestException(String message) {
        super(message);
    }

    public BadRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
