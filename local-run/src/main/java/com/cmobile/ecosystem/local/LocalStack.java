package com.cmobile.ecosystem.local;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The servers a local run started, closed in reverse order of starting (the app before the registry
 * before the broker), once, from whichever thread asks first: the shutdown hook on Ctrl-C / SIGTERM,
 * or the launcher when starting failed half-way.
 */
final class LocalStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);

    private final Deque<Named> started = new ArrayDeque<>();
    private boolean closed;

    private record Named(String name, AutoCloseable resource) {
    }

    /**
     * Keeps {@code resource} to close later; if the stack is already closing (a signal arrived
     * while it was starting), closes it at once instead.
     */
    synchronized <T extends AutoCloseable> T add(String name, T resource) {
        if (closed) {
            closeQuietly(new Named(name, resource));
            throw new IllegalStateException("stopping: " + name + " was started after the stop was requested");
        }
        started.push(new Named(name, resource));
        return resource;
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** Closes everything started, newest first; a failure to close one does not keep the others open. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        while (!started.isEmpty()) {
            closeQuietly(started.pop());
        }
    }

    private static void closeQuietly(Named named) {
        long begin = System.nanoTime();
        try {
            named.resource().close();
            LOG.info("Stopped {} in {} ms", named.name(), (System.nanoTime() - begin) / 1_000_000);
        } catch (Exception e) {
            LOG.warn("Could not stop {} cleanly", named.name(), e);
        }
    }
}
