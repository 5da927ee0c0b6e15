package com.cmobile.ecosystem.app.config;

import java.util.Map;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the off-heap memory of every RocksDB store in this JVM by one number
 * ({@code ROCKSDB_MEMORY_MB}): all stores share one block cache, and their memtables are charged
 * to that same cache through one write-buffer manager. Without it each of the app's ~40 store
 * instances per six partitions takes RocksDB's and Kafka Streams' per-store defaults (a 50 MiB
 * block cache and up to three 16 MiB memtables each), so memory grows with partitions and stores.
 *
 * <p>The cache is created once per JVM, by the first store opened, from that app's setting; it is
 * never closed by a store (it outlives them all), only reclaimed with the process.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

    /** Streams property carrying the bound, in bytes; {@link StreamsProperties} sets it. */
    public static final String TOTAL_BYTES_CONFIG = "ecosystem.rocksdb.total.memory.bytes";

    /** Share of the bound that memtables may take before RocksDB flushes them. */
    private static final double MEMTABLE_SHARE = 0.5;
    /** Share kept for index and filter blocks, which are cached with high priority. */
    private static final double HIGH_PRIORITY_SHARE = 0.1;
    private static final long MEMTABLE_BYTES = 16L * 1024 * 1024;

    private static Shared shared;

    private record Shared(long totalBytes, Cache cache, WriteBufferManager writeBuffers) {
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Shared memory = sharedFor(totalBytes(configs));
        var tableConfig = (BlockBasedTableConfig) options.tableFormatConfig();
        tableConfig.setBlockCache(memory.cache());
        tableConfig.setCacheIndexAndFilterBlocks(true);
        tableConfig.setCacheIndexAndFilterBlocksWithHighPriority(true);
        tableConfig.setPinTopLevelIndexAndFilter(true);
        options.setTableFormatConfig(tableConfig);
        options.setWriteBufferManager(memory.writeBuffers());
        options.setWriteBufferSize(Math.min(MEMTABLE_BYTES, memory.totalBytes() / 8));
        options.setMaxWriteBufferNumber(2);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and the write-buffer manager are shared by every store: closing them here
        // would pull them from under the stores still open.
    }

    /** The bound the shared cache was created with (0 before the first store opens). */
    public static synchronized long configuredTotalBytes() {
        return shared == null ? 0 : shared.totalBytes();
    }

    private static synchronized Shared sharedFor(long totalBytes) {
        if (shared == null) {
            var cache = new LRUCache(totalBytes, -1, false, HIGH_PRIORITY_SHARE);
            shared = new Shared(totalBytes, cache, new WriteBufferManager((long) (totalBytes * MEMTABLE_SHARE), cache));
        }
        return shared;
    }

    private static long totalBytes(Map<String, Object> configs) {
        Object value = configs.get(TOTAL_BYTES_CONFIG);
        if (value == null) {
            throw new IllegalStateException(TOTAL_BYTES_CONFIG + " is not set: StreamsProperties sets it from ROCKSDB_MEMORY_MB");
        }
        return value instanceof Number number ? number.longValue() : Long.parseLong(value.toString());
    }
}
