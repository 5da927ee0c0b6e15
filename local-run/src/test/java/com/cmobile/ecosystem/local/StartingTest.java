package com.cmobile.ecosystem.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class StartingTest {

    private static final class Server implements AutoCloseable {
        final AtomicBoolean closed = new AtomicBoolean();

        @Override
        public void close() {
            closed.set(true);
        }
    }

    @Test
    void awaitReturnsTheStartedServer() throws Exception {
        var server = new Server();

        Starting<Server> starting = Starting.begin("test server", () -> server);

        assertThat(starting.await()).isSameAs(server);
    }

    @Test
    void awaitRethrowsWhatMadeTheStartFail() {
        Starting<Server> starting = Starting.begin("test server", () -> {
            throw new IllegalStateException("port taken");
        });

        assertThatThrownBy(starting::await).isInstanceOf(IllegalStateException.class).hasMessage("port taken");
    }

    @Test
    void closeBeforeTheStartEndedWaitsForItAndStopsTheServer() throws Exception {
        var release = new CountDownLatch(1);
        var server = new Server();
        Starting<Server> starting = Starting.begin("slow server", () -> {
            awaitQuietly(release);
            return server;
        });
        var closing = new Thread(() -> {
            try {
                starting.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        closing.start();
        release.countDown();
        closing.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(server.closed).isTrue();
    }

    /**
     * The launcher closes its whole stack when one start fails: closing the failed one must neither
     * return early (while its start could still hold a port) nor throw the start's failure (which
     * would stop the stack from closing the servers that did start); {@code await} reports it.
     */
    @Test
    void closeWaitsForAFailingStartThenReturnsQuietly() throws Exception {
        var release = new CountDownLatch(1);
        Starting<Server> starting = Starting.begin("test server", () -> {
            awaitQuietly(release);
            throw new IllegalStateException("port taken");
        });
        var thrownByClose = new AtomicReference<Throwable>();
        var closing = new Thread(() -> {
            try {
                starting.close();
            } catch (Throwable e) {
                thrownByClose.set(e);
            }
        });

        closing.start();
        closing.join(200);
        assertThat(closing.isAlive()).as("close waits while the start is still running").isTrue();
        release.countDown();
        closing.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(closing.isAlive()).isFalse();
        assertThat(thrownByClose.get()).isNull();
        assertThatThrownBy(starting::await).isInstanceOf(IllegalStateException.class).hasMessage("port taken");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
