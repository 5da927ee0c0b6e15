package com.cmobile.ecosystem.testkit.broker;

import java.net.BindException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One Kafka server (broker and controller) running in this JVM. */
final class KRaftNode {

    private static final Logger LOG = LoggerFactory.getLogger(KRaftNode.class);
    private static final int MAX_RANDOM_PORT_ATTEMPTS = 3;

    private final KafkaRaftServer server;

    private KRaftNode(KafkaRaftServer server) {
        this.server = server;
    }

    /**
     * Starts a server on formatted storage and returns once its broker is unfenced, i.e. accepts
     * clients; a node of a cluster gets there only once a majority of the controllers runs.
     * A server that fails to start is shut down before the failure is thrown.
     */
    static KRaftNode start(Properties properties) {
        var server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
        try {
            server.startup();
            return new KRaftNode(server);
        } catch (RuntimeException e) {
            try {
                server.shutdown();
                server.awaitShutdown();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /**
     * A clean shutdown: the broker asks the controller to move its leaderships away first
     * (controlled shutdown), then the broker and the controller stop. Returns once both have.
     */
    void stop() {
        server.shutdown();
        server.awaitShutdown();
    }

    /**
     * Starts one node per configuration, all at once: a node of a cluster only finishes starting
     * once a majority of controllers runs, so starting them one after the other would never end.
     * If any fails, the others are stopped and the first failure is thrown.
     */
    static List<KRaftNode> startAll(List<Properties> configurations) {
        List<CompletableFuture<KRaftNode>> starts = configurations.stream()
                .map(properties -> CompletableFuture.supplyAsync(() -> start(properties),
                        onOwnThread("embedded-kafka-start-" + properties.get("node.id"))))
                .toList();
        var started = new ArrayList<KRaftNode>();
        RuntimeException failure = null;
        for (var start : starts) {
            try {
                started.add(start.join());
            } catch (CompletionException e) {
                failure = collect(failure, e.getCause());
            }
        }
        if (failure != null) {
            try {
                stopAll(started);
            } catch (RuntimeException suppressed) {
                failure.addSuppressed(suppressed);
            }
            throw failure;
        }
        return List.copyOf(started);
    }

    /**
     * Stops the nodes all at once. One after the other, the last node would be left without a
     * majority of controllers, and its broker would wait minutes for the controlled shutdown
     * that no controller can grant.
     */
    static void stopAll(List<KRaftNode> nodes) {
        List<CompletableFuture<Void>> stops = nodes.stream()
                .map(node -> CompletableFuture.runAsync(node::stop, onOwnThread("embedded-kafka-stop")))
                .toList();
        RuntimeException failure = null;
        for (var stop : stops) {
            try {
                stop.join();
            } catch (CompletionException e) {
                failure = collect(failure, e.getCause());
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static Executor onOwnThread(String name) {
        return task -> {
            var thread = new Thread(task, name);
            thread.setDaemon(true);
            thread.start();
        };
    }

    private static RuntimeException collect(RuntimeException first, Throwable next) {
        if (first == null) {
            return next instanceof RuntimeException runtime ? runtime : new IllegalStateException(next);
        }
        first.addSuppressed(next);
        return first;
    }

    /**
     * Runs {@code attempt}, which picks ports and starts on them, again with other ports when a
     * randomly picked port was taken between picking it and binding it. Fixed ports are never
     * retried: someone else holds them, and trying again would only hide it.
     */
    static <T> T retryingTakenRandomPorts(boolean portsAreRandom, Supplier<T> attempt) {
        for (int attempts = 1; ; attempts++) {
            try {
                return attempt.get();
            } catch (RuntimeException e) {
                boolean retryable = portsAreRandom && isBindFailure(e) && attempts < MAX_RANDOM_PORT_ATTEMPTS;
                if (!retryable) {
                    throw e;
                }
                LOG.warn("A port was taken before the broker bound it ({}); retrying with other ports", e.toString());
            }
        }
    }

    static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && message.contains("Address already in use")) {
                return true;
            }
        }
        return false;
    }
}
