package com.cmobile.ecosystem.local;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server starting on a thread of its own, so the launcher can start the next one meanwhile.
 * It is closeable before it has started: {@link #close()} waits for the start to end and then
 * stops what it started, which lets the launcher put it in its {@link LocalStack} at once and so
 * keep the stopping order (app, registry, broker) whichever start finishes first.
 *
 * @param <T> the server
 */
final class Starting<T extends AutoCloseable> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Starting.class);

    private final String name;
    private final CompletableFuture<T> started;

    private Starting(String name, CompletableFuture<T> started) {
        this.name = name;
        this.started = started;
    }

    /** Starts {@code server} on a new daemon thread named after it. */
    static <T extends AutoCloseable> Starting<T> begin(String name, Supplier<T> server) {
        var started = new CompletableFuture<T>();
        Thread thread = new Thread(() -> {
            try {
                started.complete(server.get());
            } catch (Throwable e) {
                started.completeExceptionally(e);
            }
        }, "local-run-start-" + name.replace(' ', '-'));
        thread.setDaemon(true);
        thread.start();
        return new Starting<>(name, started);
    }

    /** Waits until it has started; rethrows what made the start fail. */
    T await() throws InterruptedException {
        try {
            return started.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("could not start the " + name, e.getCause());
        }
    }

    /** Stops the server once its start has ended; nothing to stop if the start failed. */
    @Override
    public void close() throws Exception {
        T server;
        try {
            server = started.join();
        } catch (CompletionException | CancellationException e) {
            LOG.debug("The {} did not start, so there is nothing to stop", name, e);
            return;
        }
        server.close();
    }
}
