package com.cmobile.ecosystem.serde;

import static com.cmobile.ecosystem.testing.SampleEvents.pop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.registry.MockSchemaRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubjectNameStrategyTest {

    private static final String EVENT = "com.cmobile.ecosystem.events.PopCapacityEvent";

    private final String scope = "subjects-" + UUID.randomUUID();
    private final MockSchemaRegistry registry = MockSchemaRegistry.forScope(scope);

    @AfterEach
    void dropRegistry() {
        MockSchemaRegistry.dropScope(scope);
    }

    @Test
    void valuesUseTopicNameStrategyByDefault() {
        serializeWith(Map.of(), false);
        assertThat(registry.latest("pop-capacity-value").version()).isEqualTo(1);
    }

    @Test
    void keysGetTheKeySuffix() {
        serializeWith(Map.of(), true);
        assertThat(registry.latest("pop-capacity-key").version()).isEqualTo(1);
    }

    @Test
    void recordNameStrategyUsesTheRecordsFullName() {
        serializeWith(Map.of("value.subject.name.strategy", "RecordNameStrategy"), false);
        assertThat(registry.latest(EVENT).version()).isEqualTo(1);
    }

    @Test
    void topicRecordNameStrategyJoinsTopicAndRecordName() {
        serializeWith(Map.of("value.subject.name.strategy", "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy"), false);
        assertThat(registry.latest("pop-capacity-" + EVENT).version()).isEqualTo(1);
    }

    @Test
    void keyStrategyIsConfiguredSeparately() {
        serializeWith(Map.of("key.subject.name.strategy", "RecordNameStrategy"), true);
        assertThat(registry.latest(EVENT).version()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TopicNameStrategy", "io.confluent.kafka.serializers.subject.TopicNameStrategy", "TOPIC_NAME", " TopicNameStrategy "})
    void strategiesParseFromSimpleOrConfluentClassNames(String name) {
        assertThat(SubjectNameStrategy.parse(name)).isEqualTo(SubjectNameStrategy.TOPIC_NAME);
    }

    @Test
    void unknownStrategyIsRefusedWithTheChoices() {
        assertThatIllegalArgumentException().isThrownBy(() -> SubjectNameStrategy.parse("FancyStrategy"))
                .withMessageContaining("FancyStrategy").withMessageContaining("RecordNameStrategy");
    }

    private void serializeWith(Map<String, Object> extra, boolean isKey) {
        Map<String, Object> config = new HashMap<>(extra);
        config.put("schema.registry.url", "mock://" + scope);
        var serializer = new SpecificAvroSerializer<PopCapacityEvent>();
        serializer.configure(config, isKey);
        serializer.serialize("pop-capacity", pop().build());
    }
}
