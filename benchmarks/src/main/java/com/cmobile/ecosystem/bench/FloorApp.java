package com.cmobile.ecosystem.bench;

import com.cmobile.ecosystem.app.config.AppConfig;
import com.cmobile.ecosystem.app.config.StreamsProperties;
import com.cmobile.ecosystem.app.topology.DeadLetterListener;
import com.cmobile.ecosystem.serde.EventSerdes;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The floor under the pipeline: the simplest Kafka Streams application reading the same two topics
 * with the app's own Streams configuration ({@link StreamsProperties}: exactly_once_v2, commit
 * interval, cache, standbys, RocksDB memory). What no topology built on Kafka Streams can beat on
 * the same machine, as the ceiling is what no consumer can beat.
 *
 * <p>{@code FLOOR_KIND=count} (default): Avro-decode every event and count it per key in one
 * store (a changelog, restored by the standby), no repartition. {@code FLOOR_KIND=decode}: decode
 * only, no state (what exactly-once processing costs without any store). Run by
 * {@link PipelineBenchmark} with {@code -Dbench.floor=count|decode}, in place of the app.
 */
public final class FloorApp {

    private FloorApp() {
    }

    public static void main(String[] args) throws InterruptedException {
        AppConfig config = AppConfig.fromEnvironment();
        String kind = System.getenv().getOrDefault("FLOOR_KIND", "count").toLowerCase(Locale.ROOT);
        var topology = topology(config, kind);
        var streams = new KafkaStreams(topology, StreamsProperties.of(config, DeadLetterListener.NONE, topology));
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            streams.close();
            stopped.countDown();
        }, "floor-shutdown"));
        streams.setStateListener((now, before) -> System.out.println("floor " + kind + ": " + before + " -> " + now));
        streams.start();
        stopped.await();
    }

    static Topology topology(AppConfig config, String kind) {
        requireKind(kind);
        Map<String, Object> serdeConfig = StreamsProperties.serdeConfig(config);
        // The same store type as the app's (STATE_STORES).
        var storeType = config.stateStores() == AppConfig.StateStores.IN_MEMORY
                ? Materialized.StoreType.IN_MEMORY : Materialized.StoreType.ROCKS_DB;
        var builder = new StreamsBuilder();
        read(builder, config.popCapacityTopic(), EventSerdes.popCapacity(serdeConfig), kind, storeType);
        read(builder, config.partnerOnboardingTopic(), EventSerdes.partnerOnboarding(serdeConfig), kind, storeType);
        return builder.build();
    }

    /** Fails unless {@code kind} is {@code count} or {@code decode}. */
    static void requireKind(String kind) {
        if (!kind.equals("count") && !kind.equals("decode")) {
            throw new IllegalArgumentException("the floor's kind must be count or decode, not '" + kind + "'");
        }
    }

    private static <T extends SpecificRecord> void read(StreamsBuilder builder, String topic, Serde<T> values,
                                                        String kind, Materialized.StoreType storeType) {
        var events = builder.stream(topic, Consumed.with(Serdes.String(), values).withName(topic + "-source"));
        if (kind.equals("decode")) {
            events.foreach((key, event) -> { }, Named.as(topic + "-decoded"));
            return;
        }
        Materialized<String, Long, KeyValueStore<Bytes, byte[]>> store = Materialized.as(topic + "-count-store");
        events.groupByKey(Grouped.with(topic + "-by-key", Serdes.String(), values))
                .count(Named.as(topic + "-count"), store.withStoreType(storeType));
    }
}
