package com.cmobile.ecosystem.app.topology.internal;

/**
 * A record arrived on a partition the topology was not built for: partitions were added to an
 * input topic while the application ran. Moving on would keep some keys' state on partitions the
 * queries do not look at, so processing stops instead (the error handlers never dead-letter it).
 */
public final class InputPartitionsChangedException extends IllegalStateException {

    public InputPartitionsChangedException(String topic, int partition, int expectedCount) {
        super("record on " + topic + "-" + partition + ", but the application was started for " + expectedCount
                + " partitions of " + topic + ": partitions were added while it ran; restart it to see what to do");
    }
}
