package com.cmobile.ecosystem.serde;

import java.util.Locale;
import org.apache.avro.Schema;

/**
 * How a topic and a record schema map to a schema registry subject; Confluent's three strategies.
 *
 * <p>Selected by {@code key.subject.name.strategy} / {@code value.subject.name.strategy}, either by
 * simple name ({@code RecordNameStrategy}) or by Confluent's class name
 * ({@code io.confluent.kafka.serializers.subject.RecordNameStrategy}), so existing configs work.
 */
public enum SubjectNameStrategy {
    /** {@code <topic>-key} / {@code <topic>-value}: one schema lineage per topic (the default). */
    TOPIC_NAME("TopicNameStrategy") {
        @Override
        public String subjectName(String topic, boolean isKey, Schema schema) {
            return requireTopic(topic) + (isKey ? "-key" : "-value");
        }
    },
    /** The record's full name: one lineage per record type, shared by every topic. */
    RECORD_NAME("RecordNameStrategy") {
        @Override
        public String subjectName(String topic, boolean isKey, Schema schema) {
            return schema.getFullName();
        }
    },
    /** {@code <topic>-<record full name>}: several record types per topic, each with its own lineage. */
    TOPIC_RECORD_NAME("TopicRecordNameStrategy") {
        @Override
        public String subjectName(String topic, boolean isKey, Schema schema) {
            return requireTopic(topic) + "-" + schema.getFullName();
        }
    };

    private final String simpleName;

    SubjectNameStrategy(String simpleName) {
        this.simpleName = simpleName;
    }

    /**
     * The subject for a record.
     *
     * @param topic  the topic the record is written to or read from
     * @param isKey  whether the record is the key
     * @param schema the record's schema
     * @return the subject
     */
    public abstract String subjectName(String topic, boolean isKey, Schema schema);

    /** @return Confluent's simple class name of this strategy, for example {@code "TopicNameStrategy"} */
    public String simpleName() {
        return simpleName;
    }

    /**
     * The strategy a config value names.
     *
     * @param name a simple or fully qualified class name, or this enum's constant name
     * @return the strategy
     * @throws IllegalArgumentException when the name matches none
     */
    public static SubjectNameStrategy parse(String name) {
        String trimmed = name == null ? "" : name.strip();
        String simple = trimmed.substring(trimmed.lastIndexOf('.') + 1);
        for (SubjectNameStrategy strategy : values()) {
            if (strategy.simpleName.equals(simple) || strategy.name().equals(simple.toUpperCase(Locale.ROOT))) {
                return strategy;
            }
        }
        throw new IllegalArgumentException("unknown subject name strategy '" + name
                + "'; use TopicNameStrategy, RecordNameStrategy or TopicRecordNameStrategy");
    }

    private static String requireTopic(String topic) {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("a topic is needed to name the subject, got '" + topic + "'");
        }
        return topic;
    }
}
