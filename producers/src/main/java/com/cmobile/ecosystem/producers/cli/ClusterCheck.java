package com.cmobile.ecosystem.producers.cli;

import com.cmobile.ecosystem.producers.PublisherConfig;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Fails fast, with one clear sentence, when the brokers cannot be reached or a topic is missing: a
 * producer would otherwise block for a minute per attempt and then report a bare timeout.
 */
final class ClusterCheck {

    private ClusterCheck() {
    }

    static void verify(PublisherConfig config, Collection<String> topics, Duration timeout) {
        var props = new HashMap<>(config.adminProperties());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        try (Admin admin = Admin.create(props)) {
            try {
                admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                throw new FatalException("cannot reach Kafka at " + config.bootstrapServers() + " within "
                        + timeout.toSeconds() + " s (" + Errors.describe(e) + ")");
            }
            try {
                admin.describeTopics(topics).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                    throw new FatalException("topic " + String.join(" or ", topics) + " does not exist on "
                            + config.bootstrapServers() + ": create it first (the local run creates all event topics)");
                }
                throw new FatalException("cannot describe topics " + topics + " on " + config.bootstrapServers()
                        + " (" + Errors.describe(e) + ")");
            } catch (TimeoutException e) {
                throw new FatalException("cannot describe topics " + topics + " on " + config.bootstrapServers()
                        + " within " + timeout.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FatalException("interrupted while checking Kafka at " + config.bootstrapServers());
        }
    }
}
