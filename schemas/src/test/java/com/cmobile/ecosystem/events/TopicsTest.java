package com.cmobile.ecosystem.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void deadLetterTopicAppendsDlqSuffix() {
        assertThat(Topics.dlqOf("pop-capacity")).isEqualTo("pop-capacity-dlq");
        assertThat(Topics.POP_CAPACITY_DLQ).isEqualTo("pop-capacity-dlq");
        assertThat(Topics.PARTNER_ONBOARDING_DLQ).isEqualTo("partner-onboarding-dlq");
    }

    @Test
    void everyEventTopicIsProvisionedWithItsDeadLetterTopic() {
        assertThat(Topics.DLQ_BY_EVENT_TOPIC)
                .containsOnlyKeys(Topics.POP_CAPACITY, Topics.PARTNER_ONBOARDING)
                .allSatisfy((topic, dlq) -> assertThat(dlq).isEqualTo(Topics.dlqOf(topic)));
    }

    @Test
    void deadLetterTopicOfADeadLetterTopicIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> Topics.dlqOf("pop-capacity-dlq"))
                .withMessageContaining("pop-capacity-dlq");
    }

    @Test
    void deadLetterTopicOfABlankTopicIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> Topics.dlqOf(" "));
    }
}
