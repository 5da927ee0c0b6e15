package com.cmobile.ecosystem.testkit.topics;

/**
 * Shape of the event topics and their dead-letter topics.
 *
 * @param partitions        partitions of each event topic and each DLQ
 * @param replicationFactor 1 on the embedded single-node broker
 * @param retentionMs       {@code retention.ms} of the event topics; {@code -1} (the default)
 *                          keeps every event forever, because the event topics are the system
 *                          of record and the broker deletes by record timestamp: a 2006
 *                          backfill would otherwise vanish within minutes
 * @param dlqRetentionMs    {@code retention.ms} of the DLQs; {@code -1} by default too, since
 *                          dead letters keep the original (possibly old) timestamps
 */
public record EventTopicSettings(int partitions, short replicationFactor, long retentionMs, long dlqRetentionMs) {

    public static final int DEFAULT_PARTITIONS = 6;
    public static final long INFINITE_RETENTION = -1L;

    public EventTopicSettings {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("replicationFactor must be at least 1, was " + replicationFactor);
        }
        requireRetention("retentionMs", retentionMs);
        requireRetention("dlqRetentionMs", dlqRetentionMs);
    }

    /** 6 partitions, replication factor 1, infinite retention for events and dead letters. */
    public static EventTopicSettings defaults() {
        return new EventTopicSettings(DEFAULT_PARTITIONS, (short) 1, INFINITE_RETENTION, INFINITE_RETENTION);
    }

    public EventTopicSettings withPartitions(int newPartitions) {
        return new EventTopicSettings(newPartitions, replicationFactor, retentionMs, dlqRetentionMs);
    }

    /** 3 on a cluster of three brokers, as in production; {@code min.insync.replicas} is the broker's. */
    public EventTopicSettings withReplicationFactor(short newReplicationFactor) {
        return new EventTopicSettings(partitions, newReplicationFactor, retentionMs, dlqRetentionMs);
    }

    public EventTopicSettings withRetentionMs(long newRetentionMs) {
        return new EventTopicSettings(partitions, replicationFactor, newRetentionMs, dlqRetentionMs);
    }

    public EventTopicSettings withDlqRetentionMs(long newDlqRetentionMs) {
        return new EventTopicSettings(partitions, replicationFactor, retentionMs, newDlqRetentionMs);
    }

    private static void requireRetention(String name, long value) {
        if (value < -1) {
            throw new IllegalArgumentException(name + " must be -1 (infinite) or a duration in ms, was " + value);
        }
    }
}
