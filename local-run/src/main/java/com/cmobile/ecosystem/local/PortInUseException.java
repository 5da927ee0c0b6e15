package com.cmobile.ecosystem.local;

/** A port the local run needs is taken; the message names the port and how to choose another. */
final class PortInUseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    PortInUseException(Port port) {
        super("port " + port.number() + " is already in use; choose another with " + port.flag() + " or "
                + port.environmentVariable());
    }
}
