package com.cmobile.ecosystem.app.query;

import java.util.List;
import java.util.Objects;

/**
 * One instance as {@code /api/v1/instances} shows it.
 *
 * @param instance          host:port of its {@code application.server}
 * @param state             its Kafka Streams state, or {@code UNREACHABLE} when it did not answer
 * @param activePartitions  input partitions of its active tasks, "topic-partition", sorted
 * @param standbyPartitions input partitions of its standby tasks, "topic-partition", sorted
 */
public record InstanceStatus(String instance, String state, List<String> activePartitions,
                             List<String> standbyPartitions) {

    public static final String UNREACHABLE = "UNREACHABLE";

    public InstanceStatus {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(state, "state");
        activePartitions = List.copyOf(activePartitions);
        standbyPartitions = List.copyOf(standbyPartitions);
    }
}
