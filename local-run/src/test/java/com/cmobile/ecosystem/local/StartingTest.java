package com.cmobile.ecosystem.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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

    @Test
    void closeAfterAFailedStartHasNothingToStop() throws Exception {
        Starting<Server> starting = Starting.begin("test server", () -> {
            throw new IllegalStateException("port taken");
        });

        starting.close();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
