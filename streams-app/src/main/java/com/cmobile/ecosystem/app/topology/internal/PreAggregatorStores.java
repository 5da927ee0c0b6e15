package com.cmobile.ecosystem.app.topology.internal;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/** Builders of the task-local stores of the state processors: behind {@link PreAggregator}, and the histories. */
final class PreAggregatorStores {

    private PreAggregatorStores() {
    }

    /** What a task last sent per level and key (see {@link PreAggregator#reconcile()}). */
    static StoreBuilder<KeyValueStore<String, byte[]>> sent(String name, boolean inMemory) {
        return store(name, inMemory, Serdes.ByteArray());
    }

    /** Every version of each key of a state processor, for the as-of answers. */
    static <T> StoreBuilder<KeyValueStore<String, T>> history(String name, boolean inMemory, Serde<T> serde) {
        return store(name, inMemory, serde);
    }

    private static <T> StoreBuilder<KeyValueStore<String, T>> store(String name, boolean inMemory, Serde<T> serde) {
        return Stores.keyValueStoreBuilder(inMemory ? Stores.inMemoryKeyValueStore(name)
                : Stores.persistentKeyValueStore(name), Serdes.String(), serde);
    }
}
