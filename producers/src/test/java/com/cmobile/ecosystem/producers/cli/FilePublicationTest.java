package com.cmobile.ecosystem.producers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.producers.EcosystemPublisher;
import com.cmobile.ecosystem.producers.PublishCallback;
import com.cmobile.ecosystem.producers.file.EventFileReader;
import com.cmobile.ecosystem.producers.file.EventFormat;
import com.cmobile.ecosystem.validation.EventValidator;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BiConsumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class FilePublicationTest {

    static final String GOOD = ProducersCliTest.GOOD_POP;

    final StringWriter err = new StringWriter();
    final EventValidator validator = EventValidator.withDefaults();
    final EventFileReader<PopCapacityEvent> reader = EventFileReader.pops(EventFormat.JSONL, validator, "test");

    PublicationSummary publish(MockProducer<String, SpecificRecord> producer, String file) {
        var publisher = new EcosystemPublisher(producer, validator);
        BiConsumer<PopCapacityEvent, PublishCallback> send = publisher::publishValidated;
        var publication = new FilePublication<>(reader, Optional.of(send), publisher::flush, new PrintWriter(err, true),
                Optional.empty(), new ProgressBar(new PrintWriter(err), OptionalLong.empty(), false), () -> 0L);
        return publication.run(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)));
    }

    static MockProducer<String, SpecificRecord> producer(boolean autoComplete) {
        return new MockProducer<>(autoComplete, null, new StringSerializer(),
                (Serializer<SpecificRecord>) (topic, data) -> new byte[0]);
    }

    @Test
    void everyGoodLineIsSentInFileOrderAndCountedOnceAcknowledged() {
        var producer = producer(true);
        var lines = new StringBuilder();
        for (int i = 1; i <= 2_500; i++) {
            lines.append(i == 7 ? "{broken" : GOOD.replace("pop-1", "pop-" + i)).append('\n');
        }

        PublicationSummary summary = publish(producer, lines.toString());

        assertThat(summary.read()).isEqualTo(2_500);
        assertThat(summary.published()).isEqualTo(2_499);
        assertThat(summary.rejected()).isEqualTo(1);
        assertThat(summary.fatalError()).isEmpty();
        assertThat(err.toString()).startsWith("line 7: malformed JSON");
        assertThat(producer.history()).hasSize(2_499);
        assertThat(producer.history().get(5).key()).isEqualTo("pop-6");
        assertThat(producer.history().get(6).key()).isEqualTo("pop-8");
    }

    @Test
    void aFailedSendIsTheRunsFatalErrorAndIsNotCounted() {
        var producer = new MockProducer<String, SpecificRecord>(true, null, new StringSerializer(),
                (Serializer<SpecificRecord>) (topic, data) -> {
                    throw new org.apache.kafka.common.errors.SerializationException("registry unreachable");
                });

        PublicationSummary summary = publish(producer, GOOD + "\n" + GOOD.replace("pop-1", "pop-2") + "\n");

        assertThat(summary.fatalError()).hasValueSatisfying(message ->
                assertThat(message).contains("registry unreachable", "pop-1"));
        assertThat(summary.published()).isZero();
        assertThat(summary.exitCode()).isEqualTo(ProducersCli.FATAL);
    }
}
