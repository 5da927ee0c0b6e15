package com.cmobile.ecosystem.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * One port the local run listens on, with the flag and environment variable that choose it, so
 * that a clash can say how to resolve it.
 *
 * @param number              the port; 0 before {@link #resolve()} means "any free port"
 * @param flag                e.g. {@code --kafka-port}
 * @param environmentVariable e.g. {@code KAFKA_PORT}
 */
record Port(int number, String flag, String environmentVariable) {

    Port {
        if (number < 0 || number > 65_535) {
            throw new IllegalArgumentException(flag + " must be 0 (any free port) or 1..65535, not " + number);
        }
    }

    /**
     * This port if it is free, or a free port chosen by the OS when the number is 0. Checked on the
     * wildcard address: the servers bind either it or 127.0.0.1, and a listener on either blocks this bind.
     *
     * @throws PortInUseException when something already listens on it
     */
    Port resolve() {
        try (var socket = new ServerSocket()) {
            // A socket of the previous run still in TIME_WAIT must not count as "in use".
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(number));
            return new Port(socket.getLocalPort(), flag, environmentVariable);
        } catch (IOException e) {
            throw new PortInUseException(this);
        }
    }
}
