package com.cmobile.ecosystem.app.topology.internal;

import org.apache.kafka.common.utils.Utils;

/**
 * The partition of an input topic where the application keeps a key's state: the one Kafka's Java
 * producer chooses by default (murmur2 of the key bytes), which is also where
 * {@code KafkaStreams#queryMetadataForKey} looks for it. Producers may choose any other partition
 * (librdkafka's clients hash with CRC32, a producer may name the partition, partitions may be
 * added); such records are moved to this one before they touch any state.
 *
 * @param count the number of partitions of the input topic, as the state was built for it
 */
public record KeyPartitions(int count) {

    public KeyPartitions {
        if (count < 1) {
            throw new IllegalArgumentException("an input topic has at least one partition, not " + count);
        }
    }

    /** The home partition of {@code key} (its serialized bytes). */
    public int of(byte[] key) {
        return Utils.toPositive(Utils.murmur2(key)) % count;
    }
}
