package com.cmobile.ecosystem.testkit.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class BrokerSettingsTest {

    @Test
    void singleNodeExactlyOnceSettingsAreAlwaysPresent() {
        var props = EmbeddedKafkaBroker.brokerProperties(BrokerSettings.defaults(), Path.of("data"), 9092, 9093);

        assertThat(props)
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("share.coordinator.state.topic.replication.factor", "1")
                .containsEntry("group.initial.rebalance.delay.ms", "0")
                .containsEntry("auto.create.topics.enable", "false")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093");
        assertThat(props).as("the broker's own future-timestamp limit is kept")
                .doesNotContainKey("log.message.timestamp.after.max.ms");
    }

    @Test
    void overridesWinOverDefaults() {
        var settings = BrokerSettings.defaults().withBrokerProperty("group.initial.rebalance.delay.ms", "3000");

        var props = EmbeddedKafkaBroker.brokerProperties(settings, Path.of("data"), 9092, 9093);

        assertThat(props).containsEntry("group.initial.rebalance.delay.ms", "3000");
    }

    @Test
    void anOutOfRangePortIsRefused() {
        assertThatThrownBy(() -> BrokerSettings.defaults().withPort(70_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("70000");
    }
}
