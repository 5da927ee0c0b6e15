package com.cmobile.ecosystem.testkit.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the event topics and their dead-letter topics explicitly, because the broker never
 * auto-creates them. Their names come from the caller (schemas' {@code Topics.DLQ_BY_EVENT_TOPIC}):
 * the kit knows how to shape and create topics, not which ones the pipeline has.
 *
 * <p>Idempotent: a topic that already exists is left as it is (its partitions and retention are
 * not changed, since that could lose or reorder data) and reported as existing.
 */
public final class TopicProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Admin admin;

    public TopicProvisioner(Admin admin) {
        this.admin = admin;
    }

    /** Each event topic (a key) and its dead-letter topic (its value), with {@link EventTopicSettings#defaults()}. */
    public ProvisionedTopics provisionEventTopics(Map<String, String> dlqByEventTopic) {
        return provisionEventTopics(dlqByEventTopic, EventTopicSettings.defaults());
    }

    /** Each event topic (a key) and its dead-letter topic (its value), shaped by {@code settings}. */
    public ProvisionedTopics provisionEventTopics(Map<String, String> dlqByEventTopic, EventTopicSettings settings) {
        var topics = new ArrayList<NewTopic>();
        dlqByEventTopic.forEach((eventTopic, dlq) -> {
            topics.add(topic(eventTopic, settings, settings.retentionMs()));
            topics.add(topic(dlq, settings, settings.dlqRetentionMs()));
        });
        return provision(topics);
    }

    /** Creates each topic unless it exists; tolerant of topics created concurrently by someone else. */
    public ProvisionedTopics provision(List<NewTopic> topics) {
        Map<String, KafkaFuture<Void>> results = admin.createTopics(topics).values();
        var created = new ArrayList<String>();
        var existing = new ArrayList<String>();
        for (var entry : new LinkedHashMap<>(results).entrySet()) {
            String name = entry.getKey();
            try {
                entry.getValue().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                created.add(name);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("Could not create topic " + name + ": " + e.getCause().getMessage(), e.getCause());
                }
                existing.add(name);
            } catch (TimeoutException e) {
                throw new IllegalStateException("Timed out after " + TIMEOUT + " creating topic " + name, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while creating topic " + name, e);
            }
        }
        if (!created.isEmpty()) {
            LOG.info("Created topics {}; already present: {}", created, existing);
        }
        return new ProvisionedTopics(created, existing);
    }

    private static NewTopic topic(String name, EventTopicSettings settings, long retentionMs) {
        return new NewTopic(name, settings.partitions(), settings.replicationFactor())
                .configs(Map.of(
                        TopicConfig.RETENTION_MS_CONFIG, String.valueOf(retentionMs),
                        // Size-based deletion would lose events just as silently as time-based.
                        TopicConfig.RETENTION_BYTES_CONFIG, "-1",
                        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE));
    }
}
