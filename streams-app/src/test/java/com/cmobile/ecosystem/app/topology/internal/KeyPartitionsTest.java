package com.cmobile.ecosystem.app.topology.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

class KeyPartitionsTest {

    @Test
    void aKeysHomeIsThePartitionJavasProducerChooses() {
        for (int count = 1; count <= 12; count++) {
            var home = new KeyPartitions(count);
            for (int i = 0; i < 200; i++) {
                String key = "pop-" + i;
                byte[] bytes = key.getBytes(StandardCharsets.UTF_8);

                assertThat(home.of(bytes)).as(key).isEqualTo(BuiltInPartitioner.partitionForKey(bytes, count));
            }
        }
    }

    @Test
    void aTopicHasAtLeastOnePartition() {
        assertThatThrownBy(() -> new KeyPartitions(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
