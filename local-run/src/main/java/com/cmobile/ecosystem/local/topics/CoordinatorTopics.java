package com.cmobile.ecosystem.local.topics;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.KafkaFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Has a new broker create its own topics for consumer groups ({@code __consumer_offsets}) and
 * transactions ({@code __transaction_state}) ahead of the app. A broker creates each on the first
 * request for a group or transaction coordinator and answers "not available yet" until it is
 * loaded; asked first by the app, that wait delays its first rebalance and its first transaction.
 * Asked here, while the app is still starting, the wait overlaps that start.
 *
 * <p>Only a head start: the answers (no such group, no such transactional id) are expected and
 * ignored, and nothing depends on this having succeeded.
 */
public final class CoordinatorTopics {

    private static final Logger LOG = LoggerFactory.getLogger(CoordinatorTopics.class);
    private static final String PROBE = "local-run-coordinator-probe";

    private CoordinatorTopics() {
    }

    /** Asks for a group and a transaction coordinator and waits at most {@code timeout} for both. */
    public static void prepare(Admin admin, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        KafkaFuture<?> group = admin.describeConsumerGroups(List.of(PROBE)).all();
        KafkaFuture<?> transaction = admin.describeTransactions(List.of(PROBE)).all();
        awaitAnswer("group", group, deadline);
        awaitAnswer("transaction", transaction, deadline);
    }

    private static void awaitAnswer(String coordinator, KafkaFuture<?> answer, long deadline) {
        try {
            answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            LOG.debug("The {} coordinator answered the probe with {}", coordinator, e.getCause().toString());
        } catch (TimeoutException e) {
            LOG.debug("No {} coordinator yet; the app will wait for it itself", coordinator);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
