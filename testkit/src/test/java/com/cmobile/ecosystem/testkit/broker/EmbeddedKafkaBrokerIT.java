package com.cmobile.ecosystem.testkit.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerIT {

    @Test
    void restartOnTheSameDataDirectoryKeepsClusterIdAndTopics(@TempDir Path dataDirectory) throws Exception {
        // given a broker on a persistent data directory with one topic
        String clusterId;
        try (var broker = EmbeddedKafkaBroker.start(BrokerSettings.defaults().withDataDirectory(dataDirectory));
             var admin = adminFor(broker)) {
            clusterId = broker.clusterId();
            admin.createTopics(List.of(new NewTopic("kept-topic", 3, (short) 1))).all().get(20, TimeUnit.SECONDS);
        }

        // when a new broker starts on the same directory (on another random port)
        try (var restarted = EmbeddedKafkaBroker.start(BrokerSettings.defaults().withDataDirectory(dataDirectory));
             var admin = adminFor(restarted)) {

            // then it is the same cluster and the topic is still there
            assertThat(restarted.clusterId()).isEqualTo(clusterId);
            assertThat(admin.describeCluster().clusterId().get(20, TimeUnit.SECONDS)).isEqualTo(clusterId);
            assertThat(admin.listTopics().names().get(20, TimeUnit.SECONDS)).contains("kept-topic");
        }
        assertThat(Files.exists(dataDirectory.resolve("meta.properties"))).as("a given directory is kept").isTrue();
    }

    @Test
    void aTemporaryDataDirectoryIsDeletedOnClose() {
        // given a broker with default settings
        Path dataDirectory;
        try (var broker = EmbeddedKafkaBroker.start(BrokerSettings.defaults())) {
            dataDirectory = broker.dataDirectory();
            assertThat(dataDirectory).exists();
            // when it is closed (end of try)
        }
        // then its temporary directory is gone
        assertThat(dataDirectory).doesNotExist();
    }

    private static Admin adminFor(EmbeddedKafkaBroker broker) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }
}
