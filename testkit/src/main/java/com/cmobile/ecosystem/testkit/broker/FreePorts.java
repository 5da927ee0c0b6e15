package com.cmobile.ecosystem.testkit.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** Picks ports that are free on 127.0.0.1 right now. */
final class FreePorts {

    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int LOWEST_PICKED = 20_000;
    private static final int DEFAULT_EPHEMERAL_START = 32_768;
    private static final int MINIMUM_ROOM = 1_000;
    private static final int CANDIDATES = 200;

    private FreePorts() {
    }

    /** A port the OS chooses: free now, from its ephemeral range. */
    static int pick() {
        try (var socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free port on 127.0.0.1", e);
        }
    }

    /**
     * {@code count} different free ports below the OS's ephemeral range, for a node that must
     * get its port back when it restarts: a port from the ephemeral range can be handed to any
     * outgoing connection (a client's connection to another node, say) while the node is down,
     * and the restart would then fail to bind. Falls back to {@link #pick()} where the range is
     * unknown or leaves no room below it.
     */
    static List<Integer> pickOutsideEphemeralRange(int count) {
        int end = ephemeralRangeStart();
        Set<Integer> ports = new LinkedHashSet<>();
        for (int tries = 0; ports.size() < count && tries < count * CANDIDATES; tries++) {
            int candidate = end - LOWEST_PICKED >= MINIMUM_ROOM ? ThreadLocalRandom.current().nextInt(LOWEST_PICKED, end) : pick();
            if (isFree(candidate)) {
                ports.add(candidate);
            }
        }
        if (ports.size() < count) {
            throw new IllegalStateException("Could not find " + count + " free ports on 127.0.0.1 below " + end);
        }
        return List.copyOf(ports);
    }

    private static boolean isFree(int port) {
        try (var socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int ephemeralRangeStart() {
        try {
            String range = Files.readString(EPHEMERAL_RANGE).trim();
            return Integer.parseInt(range.split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return DEFAULT_EPHEMERAL_START;
        }
    }
}
