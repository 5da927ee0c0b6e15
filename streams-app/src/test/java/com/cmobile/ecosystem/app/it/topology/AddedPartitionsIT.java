package com.cmobile.ecosystem.app.it.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.cmobile.ecosystem.app.EcosystemApp;
import com.cmobile.ecosystem.app.InputPartitions;
import com.cmobile.ecosystem.app.config.AppConfig;
import com.cmobile.ecosystem.app.it.query.AppInstances;
import com.cmobile.ecosystem.app.it.query.AppInstances.TestTopics;
import com.cmobile.ecosystem.testkit.EmbeddedKafka;
import com.cmobile.ecosystem.testkit.EmbeddedKafkaExtension;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Partitions added to an input topic would move most keys to another home partition and split
 * their state: the application refuses to start on such a topic and says how to rebuild.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class AddedPartitionsIT {

    @Test
    void anApplicationWhoseStateWasBuiltForFewerPartitionsRefusesToStart(EmbeddedKafka kafka, @TempDir Path stateDir)
            throws Exception {
        // given an application that ran on two partitions per input topic
        AppConfig config = config(kafka, stateDir);
        kafka.createTopic(config.popCapacityTopic(), 2);
        kafka.createTopic(config.partnerOnboardingTopic(), 2);
        kafka.createTopics(config.popCapacityDlqTopic(), config.partnerOnboardingDlqTopic());
        try (EcosystemApp app = EcosystemApp.start(config, options())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> app.streams().state() == KafkaStreams.State.RUNNING);
        }

        // when a third partition is added to pop-capacity
        kafka.adminClient().createPartitions(Map.of(config.popCapacityTopic(), NewPartitions.increaseTo(3)))
                .all().get();

        // then the next start is refused, naming the topics, the counts and the way out
        assertThatThrownBy(() -> EcosystemApp.start(config, options()).close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("input topic '" + config.popCapacityTopic() + "' has 3 partitions but '"
                        + config.applicationId() + "-pop-state-store-changelog' has 2")
                .hasMessageContaining("kafka-streams-application-reset --application-id " + config.applicationId())
                .hasMessageNotContaining(config.partnerOnboardingTopic() + "' has");
    }

    @Test
    void anApplicationStartsAgainOnUnchangedTopicsOfDifferentCounts(EmbeddedKafka kafka, @TempDir Path stateDir) {
        AppConfig config = config(kafka, stateDir);
        kafka.createTopic(config.popCapacityTopic(), 3);
        kafka.createTopic(config.partnerOnboardingTopic(), 2);
        kafka.createTopics(config.popCapacityDlqTopic(), config.partnerOnboardingDlqTopic());
        for (int start = 0; start < 2; start++) {
            try (EcosystemApp app = EcosystemApp.start(config, options())) {
                await().atMost(Duration.ofSeconds(60)).until(() -> app.streams().state() == KafkaStreams.State.RUNNING);
            }
        }
    }

    @Test
    void aMissingInputTopicIsWaitedForThenNamed(EmbeddedKafka kafka) {
        String present = kafka.uniqueName("pop-capacity");
        kafka.createTopic(present, 4);
        String missing = kafka.uniqueName("partner-onboarding");

        assertThatThrownBy(() -> InputPartitions.read(kafka.adminClient(), present, missing, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("[" + missing + "] do not exist after waiting PT1S");
        kafka.createTopic(missing, 2);
        assertThat(InputPartitions.read(kafka.adminClient(), present, missing, Duration.ofSeconds(30)))
                .isEqualTo(new InputPartitions(4, 2));
    }

    private static AppConfig config(EmbeddedKafka kafka, Path stateDir) {
        Map<String, String> values = AppInstances.settings(kafka, kafka.uniqueName("added-partitions"),
                TestTopics.named(kafka), stateDir);
        values.put("STATE_STORES", "in-memory");
        return AppConfig.from(values);
    }

    private static EcosystemApp.Options options() {
        return new EcosystemApp.Options(Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(20));
    }
}
