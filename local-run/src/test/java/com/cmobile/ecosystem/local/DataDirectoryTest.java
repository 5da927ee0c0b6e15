package com.cmobile.ecosystem.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {

    @TempDir
    Path root;

    @Test
    void wipeDeletesWhatTheLocalRunKeepsThere() throws Exception {
        var data = new DataDirectory(root);
        Files.createDirectories(data.kafka().resolve("pop-capacity-0"));
        Files.writeString(data.kafka().resolve("meta.properties"), "cluster.id=x");
        Files.createDirectories(data.streamsState().resolve("ecosystem-aggregates"));
        Files.writeString(data.seedMarker(), "published");

        data.wipe();

        assertThat(data.kafka()).doesNotExist();
        assertThat(data.streamsState()).doesNotExist();
        assertThat(data.seedMarker()).doesNotExist();
    }

    @Test
    void wipeLeavesOtherFilesInTheDirectoryAlone() throws Exception {
        Path notes = Files.writeString(root.resolve("notes.txt"), "mine");

        new DataDirectory(root).wipe();

        assertThat(notes).hasContent("mine");
    }

    @Test
    void brokerDataIsRecognisedByTheKraftMetaProperties() throws Exception {
        var data = new DataDirectory(root);
        assertThat(data.hasBrokerData()).isFalse();

        Files.createDirectories(data.kafka());
        Files.writeString(data.kafka().resolve("meta.properties"), "cluster.id=x");

        assertThat(data.hasBrokerData()).isTrue();
    }
}
