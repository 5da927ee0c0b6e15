package com.cmobile.ecosystem.app.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.cmobile.ecosystem.app.topology.internal.InputPartitionsChangedException;
import com.cmobile.ecosystem.registry.RegistryAccessDeniedException;
import com.cmobile.ecosystem.serde.RegistryCredentialsException;
import com.cmobile.ecosystem.validation.EventValidator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

class DeadLetterExceptionHandlersTest {

    /** The sides of the production topology, whose internal topics are prefixed with {@code ecosystem}. */
    private static final DeadLetterSides SIDES = DeadLetterSides.of(new EcosystemTopology(
                    TopologySettings.withDefaults(Map.of("schema.registry.url", "mock://dlq-handlers-test")),
                    EventValidator.withDefaults(), DeadLetterListener.NONE).build().describe(),
            "ecosystem", "pop-capacity", "partner-onboarding");

    private final List<String> told = new ArrayList<>();
    private final DeadLetterExceptionHandlers.Processing handler = new DeadLetterExceptionHandlers.Processing();

    DeadLetterExceptionHandlersTest() {
        handler.configure(Map.of(
                DeadLetterExceptionHandlers.POP_CAPACITY_DLQ_CONFIG, "pop-capacity-dlq",
                DeadLetterExceptionHandlers.PARTNER_ONBOARDING_DLQ_CONFIG, "partner-onboarding-dlq",
                DeadLetterExceptionHandlers.SIDES_CONFIG, SIDES,
                DeadLetterExceptionHandlers.LISTENER_CONFIG, (DeadLetterListener) (topic, reason) -> told.add(topic + ":" + reason)));
    }

    @Test
    void unexpectedExceptionSendsTheRawRecordToTheDlqOfItsSideAndResumes() {
        var context = new Context("ecosystem-alliance-program-country-partials-repartition", "alliance-program-country-partials-aggregate");

        var response = handler.handleError(context, new Record<>("k", "v", 0L), new IllegalStateException("boom"));

        assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
        var record = response.deadLetterQueueRecords().get(0);
        assertThat(record.topic()).isEqualTo("partner-onboarding-dlq");
        assertThat(record.key()).isEqualTo("raw-key".getBytes(StandardCharsets.UTF_8));
        assertThat(record.value()).isEqualTo("raw-value".getBytes(StandardCharsets.UTF_8));
        assertThat(DeadLetterHeaders.read(record.headers(), DeadLetterHeaders.REASONS)).contains("processing-error");
        assertThat(DeadLetterHeaders.read(record.headers(), DeadLetterHeaders.MESSAGE).orElseThrow()).contains("boom");
        assertThat(DeadLetterHeaders.read(record.headers(), DeadLetterHeaders.SOURCE_OFFSET)).contains("42");
        assertThat(told).containsExactly("partner-onboarding-dlq:processing-error");
    }

    @Test
    void failureOfThePopSideGoesToThePopCapacityDlq() {
        var context = new Context("pop-capacity", "pop-state-apply");

        var response = handler.handleError(context, new Record<>("k", "v", 0L), new IllegalArgumentException("bad"));

        assertThat(response.deadLetterQueueRecords().get(0).topic()).isEqualTo("pop-capacity-dlq");
    }

    @Test
    void unreachableRegistryFailsInsteadOfDeadLetteringGoodRecords() {
        var context = new Context("pop-capacity", "pop-capacity-parse");
        var failure = new SerializationException("registry", new ConnectException("refused"));

        var response = handler.handleError(context, new Record<>("k", "v", 0L), failure);

        assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.FAIL);
        assertThat(told).isEmpty();
    }

    @Test
    void refusedRegistryCredentialsFailInsteadOfDeadLetteringEveryRecord() {
        var context = new Context("pop-capacity", "pop-capacity-parse");
        var failure = new RegistryCredentialsException("topic pop-capacity: HTTP 403",
                new RegistryAccessDeniedException(403, 403, "User 'app' has the read role"));

        var response = handler.handleError(context, new Record<>("k", "v", 0L), failure);

        assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.FAIL);
        assertThat(told).isEmpty();
    }

    @Test
    void unreadableInternalRecordGoesToTheDlqOfItsSideAsDeserializationFailure() {
        var deserialization = new DeadLetterExceptionHandlers.Deserialization();
        deserialization.configure(Map.of(
                DeadLetterExceptionHandlers.POP_CAPACITY_DLQ_CONFIG, "pop-capacity-dlq",
                DeadLetterExceptionHandlers.PARTNER_ONBOARDING_DLQ_CONFIG, "partner-onboarding-dlq",
                DeadLetterExceptionHandlers.SIDES_CONFIG, SIDES));

        var pop = deserialization.handleError(new Context("ecosystem-capacity-city-partials-repartition", null),
                new ConsumerRecord<>("ecosystem-capacity-city-partials-repartition", 3, 42L, new byte[0], new byte[0]),
                new SerializationException("not JSON"));
        var partner = deserialization.handleError(new Context("ecosystem-alliance-organisation-partials-repartition", null),
                new ConsumerRecord<>("ecosystem-alliance-organisation-partials-repartition", 3, 42L, new byte[0], new byte[0]),
                new SerializationException("not JSON"));

        assertThat(pop.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
        var record = pop.deadLetterQueueRecords().get(0);
        assertThat(record.topic()).isEqualTo("pop-capacity-dlq");
        assertThat(DeadLetterHeaders.read(record.headers(), DeadLetterHeaders.REASONS)).contains("deserialization");
        assertThat(partner.deadLetterQueueRecords().get(0).topic()).isEqualTo("partner-onboarding-dlq");
    }

    @Test
    void addedPartitionsStopProcessingInsteadOfDeadLettering() {
        var context = new Context("pop-capacity", "pop-capacity-parse");

        var response = handler.handleError(context, new Record<>("k", "v", 0L),
                new InputPartitionsChangedException("pop-capacity", 7, 6));

        assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.FAIL);
        assertThat(told).isEmpty();
    }

    private record Context(String topic, String processorNodeId) implements ErrorHandlerContext {
        @Override
        public int partition() {
            return 3;
        }

        @Override
        public long offset() {
            return 42;
        }

        @Override
        public Headers headers() {
            return new RecordHeaders();
        }

        @Override
        public TaskId taskId() {
            return new TaskId(1, 3);
        }

        @Override
        public long timestamp() {
            return 0;
        }

        @Override
        public byte[] sourceRawKey() {
            return "raw-key".getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public byte[] sourceRawValue() {
            return "raw-value".getBytes(StandardCharsets.UTF_8);
        }
    }
}
