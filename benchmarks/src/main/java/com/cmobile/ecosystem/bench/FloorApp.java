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
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The floor under the pipeline: the simplest Kafka Streams application reading the same two topics
 * with the app's own Streams configuration ({@link StreamsProperties}: exactly_once_v2, commit
 * interval, cache, standbys, RocksDB memory). What no topology built on Kafka Streams can beat on
 * the same machine, as the ceiling is what no consumer can beat.
 *
 * <p>{@code FLOOR_KIND=count} (default): Avro-decode every event and count it per key in one
 * store (a changelog, restored by the standby), no repartition. {@code FLOOR_KIND=decode}: decode
 * only, no state (what exactly-once processing costs without any store). {@code FLOOR_KIND=history}:
 * the count, plus one entry per event in a second store keyed by key and time, the least any
 * topology does that keeps a current state and a history of every key (issue 15): two store
 * writes and two changelog records per event. Run by
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

    /** Fails unless {@code kind} is {@code count}, {@code decode} or {@code history}. */
    static void requireKind(String kind) {
        if (!kind.equals("count") && !kind.equals("decode") && !kind.equals("history")) {
            throw new IllegalArgumentException("the floor's kind must be count, decode or history, not '" + kind + "'");
        }
    }

    private static <T extends SpecificRecord> void read(StreamsBuilder builder, String topic, Serde<T> values,
                                                        String kind, Materialized.StoreType storeType) {
        var events = builder.stream(topic, Consumed.with(Serdes.String(), values).withName(topic + "-source"));
        if (kind.equals("decode")) {
            events.foreach((key, event) -> { }, Named.as(topic + "-decoded"));
            return;
        }
        if (kind.equals("history")) {
            String state = topic + "-count-store";
            String history = topic + "-history-store";
            builder.addStateStore(Stores.keyValueStoreBuilder(supplier(state, storeType), Serdes.String(), Serdes.Long()));
            builder.addStateStore(Stores.keyValueStoreBuilder(supplier(history, storeType), Serdes.String(), Serdes.Long()));
            events.process(() -> new CountAndHistory<T>(state, history), Named.as(topic + "-count-and-history"),
                    state, history);
            return;
        }
        Materialized<String, Long, KeyValueStore<Bytes, byte[]>> store = Materialized.as(topic + "-count-store");
        events.groupByKey(Grouped.with(topic + "-by-key", Serdes.String(), values))
                .count(Named.as(topic + "-count"), store.withStoreType(storeType));
    }

    private static KeyValueBytesStoreSupplier supplier(String name, Materialized.StoreType storeType) {
        return storeType == Materialized.StoreType.IN_MEMORY ? Stores.inMemoryKeyValueStore(name)
                : Stores.persistentKeyValueStore(name);
    }

    /** The count per key, and one history entry per event under {@code key|timestamp|count}. */
    private static final class CountAndHistory<T> implements Processor<String, T, Void, Void> {

        private final String stateName;
        private final String historyName;
        private KeyValueStore<String, Long> state;
        private KeyValueStore<String, Long> history;

        CountAndHistory(String stateName, String historyName) {
            this.stateName = stateName;
            this.historyName = historyName;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            state = context.getStateStore(stateName);
            history = context.getStateStore(historyName);
        }

        @Override
        public void process(Record<String, T> record) {
            Long count = state.get(record.key());
            long next = count == null ? 1 : count + 1;
            state.put(record.key(), next);
            history.put(record.key() + "|" + record.timestamp() + "|" + next, next);
        }
    }
}
