package com.cmobile.ecosystem.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class BoundedRocksDbMemoryTest {

    static {
        RocksDB.loadLibrary();
    }

    @Test
    void everyStoreGetsSmallMemtablesChargedToTheSharedBound() {
        var setter = new BoundedRocksDbMemory();
        long total = 64L * 1024 * 1024;

        try (var first = new Options(); var second = new Options()) {
            first.setTableFormatConfig(new BlockBasedTableConfig());
            second.setTableFormatConfig(new BlockBasedTableConfig());
            setter.setConfig("city-capacity-store", first, Map.of(BoundedRocksDbMemory.TOTAL_BYTES_CONFIG, total));
            setter.setConfig("membership-history-store", second, Map.of(BoundedRocksDbMemory.TOTAL_BYTES_CONFIG, total));

            // The bound is per JVM: the first store opened in it sets it (another test's store may
            // have come first), and each memtable is an eighth of it, at most 16 MiB.
            long bound = BoundedRocksDbMemory.configuredTotalBytes();
            assertThat(bound).isPositive();
            assertThat(first.writeBufferSize()).isEqualTo(Math.min(16L * 1024 * 1024, bound / 8));
            assertThat(second.writeBufferSize()).isEqualTo(first.writeBufferSize());
            assertThat(first.maxWriteBufferNumber()).isEqualTo(2);
            assertThat(((BlockBasedTableConfig) second.tableFormatConfig()).cacheIndexAndFilterBlocks()).isTrue();
        }
    }

    @Test
    void aMissingBoundIsAConfigurationErrorNamingTheSetting() {
        try (var options = new Options()) {
            options.setTableFormatConfig(new BlockBasedTableConfig());

            assertThatThrownBy(() -> new BoundedRocksDbMemory().setConfig("pop-state-store", options, Map.of()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(BoundedRocksDbMemory.TOTAL_BYTES_CONFIG);
        }
    }
}
