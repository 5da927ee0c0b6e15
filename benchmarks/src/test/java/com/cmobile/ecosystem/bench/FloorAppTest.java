package com.cmobile.ecosystem.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cmobile.ecosystem.app.config.AppConfig;
import com.cmobile.ecosystem.events.PopAction;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.serde.EventSerdes;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

/** The floor's shapes: a count per key in one store, that count and a history, or decoding alone. */
class FloorAppTest {

    private static final String REGISTRY = "mock://floor-app-test";
    private final AppConfig config = AppConfig.from(Map.of("SCHEMA_REGISTRY_URL", REGISTRY));

    @Test
    void countsEveryDecodedEventPerKey() {
        try (var driver = new TopologyTestDriver(FloorApp.topology(config, "count"), properties())) {
            var pops = driver.createInputTopic(config.popCapacityTopic(), new StringSerializer(),
                    EventSerdes.popCapacity(Map.of("schema.registry.url", REGISTRY)).serializer());
            pops.pipeInput("pop-a", pop("pop-a"));
            pops.pipeInput("pop-b", pop("pop-b"));
            pops.pipeInput("pop-a", pop("pop-a"));

            var counts = driver.<String, Long>getKeyValueStore(config.popCapacityTopic() + "-count-store");
            assertThat(counts.get("pop-a")).isEqualTo(2L);
            assertThat(counts.get("pop-b")).isEqualTo(1L);
        }
    }

    @Test
    void historyCountsPerKeyAndKeepsOneEntryPerEvent() {
        try (var driver = new TopologyTestDriver(FloorApp.topology(config, "history"), properties())) {
            var pops = driver.createInputTopic(config.popCapacityTopic(), new StringSerializer(),
                    EventSerdes.popCapacity(Map.of("schema.registry.url", REGISTRY)).serializer());
            pops.pipeInput("pop-a", pop("pop-a"), 1_000L);
            pops.pipeInput("pop-b", pop("pop-b"), 2_000L);
            pops.pipeInput("pop-a", pop("pop-a"), 3_000L);

            var counts = driver.<String, Long>getKeyValueStore(config.popCapacityTopic() + "-count-store");
            var history = driver.<String, Long>getKeyValueStore(config.popCapacityTopic() + "-history-store");
            assertThat(counts.get("pop-a")).isEqualTo(2L);
            assertThat(history.get("pop-a|1000|1")).isEqualTo(1L);
            assertThat(history.get("pop-a|3000|2")).isEqualTo(2L);
            assertThat(history.approximateNumEntries()).isEqualTo(3);
        }
    }

    @Test
    void decodeKeepsNoState() {
        var description = FloorApp.topology(config, "decode").describe().toString();

        assertThat(description).contains(config.popCapacityTopic(), config.partnerOnboardingTopic())
                .doesNotContain("-count-store");
    }

    @Test
    void rejectsAnUnknownKind() {
        assertThatThrownBy(() -> FloorApp.topology(config, "sum"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("count, decode or history");
    }

    private static Properties properties() {
        var props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "floor-app-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        return props;
    }

    private static PopCapacityEvent pop(String popId) {
        return PopCapacityEvent.newBuilder()
                .setEventId(UUID.randomUUID())
                .setPopId(popId)
                .setAction(PopAction.COMMISSIONED)
                .setCity("Paris")
                .setCountry("FR")
                .setBusinessLocation("Paris")
                .setCapacityMbps(1_000)
                .setOccurredAt(Instant.parse("2026-01-01T00:00:00Z"))
                .setSource("test")
                .build();
    }
}
