package com.cmobile.ecosystem.app.topology;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.cmobile.ecosystem.app.topology.internal.Failures;
import com.cmobile.ecosystem.app.topology.internal.InputPartitionsChangedException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Streams' own error handlers (KIP-1033 / KIP-1034), for what the parsing step does not
 * catch: an unexpected exception in a processor, or unreadable bytes in an internal topic. The
 * record goes to the DLQ of its side of the topology with the raw bytes Kafka Streams kept and
 * the usual {@link DeadLetterHeaders}, and processing resumes. A failure to reach the registry or
 * the broker is not the record's fault: the handler fails then,
 * so the record is retried instead of being lost to the DLQ.
 *
 * <p>Configured by class name; settings come through the Streams configuration under the keys
 * below (put there by {@code StreamsProperties}).
 */
public final class DeadLetterExceptionHandlers {

    /** DLQ for failures on the PoP side ({@link DeadLetterSides.Side#POP_CAPACITY}). */
    public static final String POP_CAPACITY_DLQ_CONFIG = "ecosystem.dlq.pop-capacity.topic";
    /** DLQ for failures on the partner side. */
    public static final String PARTNER_ONBOARDING_DLQ_CONFIG = "ecosystem.dlq.partner-onboarding.topic";
    /** A {@link DeadLetterListener} instance (optional). */
    public static final String LISTENER_CONFIG = "ecosystem.dlq.listener";
    /** The {@link DeadLetterSides} of the running topology: which DLQ each processor and topic reports to. */
    public static final String SIDES_CONFIG = "ecosystem.dlq.sides";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterExceptionHandlers.class);
    private static final String REGISTRY_REFUSED = "The schema registry refused this application's credentials or "
            + "rights at {}-{}@{}; failing without dead-lettering: check SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO "
            + "(or the user info of SCHEMA_REGISTRY_URL)";

    private DeadLetterExceptionHandlers() {
    }

    /** Dead-letters records whose processing threw. */
    public static final class Processing implements ProcessingExceptionHandler {
        private Target target;

        @Override
        public void configure(Map<String, ?> configs) {
            target = Target.from(configs);
        }

        @Override
        public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
            if (exception instanceof InputPartitionsChangedException) {
                LOG.error("Stopping: {}", exception.getMessage());
                return Response.fail();
            }
            if (Failures.isTransient(exception)) {
                LOG.error("Transient failure processing {}-{}@{} in {}; failing so it is retried",
                        context.topic(), context.partition(), context.offset(), context.processorNodeId(), exception);
                return Response.fail();
            }
            if (Failures.isRegistryAccessRefused(exception)) {
                LOG.error(REGISTRY_REFUSED, context.topic(), context.partition(), context.offset(), exception);
                return Response.fail();
            }
            return Response.resume(target.deadLetter(context, DeadLetterHeaders.REASON_PROCESSING_ERROR, exception));
        }
    }

    /** Dead-letters records Kafka Streams cannot deserialize (the input topics are read as bytes, so internal topics only). */
    public static final class Deserialization implements DeserializationExceptionHandler {
        private Target target;

        @Override
        public void configure(Map<String, ?> configs) {
            target = Target.from(configs);
        }

        @Override
        public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                    Exception exception) {
            if (Failures.isTransient(exception)) {
                LOG.error("Transient failure deserializing {}-{}@{}; failing so it is retried",
                        context.topic(), context.partition(), context.offset(), exception);
                return Response.fail();
            }
            if (Failures.isRegistryAccessRefused(exception)) {
                LOG.error(REGISTRY_REFUSED, context.topic(), context.partition(), context.offset(), exception);
                return Response.fail();
            }
            return Response.resume(target.deadLetter(context, DeadLetterHeaders.REASON_DESERIALIZATION, exception));
        }
    }

    private record Target(String popCapacityDlq, String partnerOnboardingDlq, DeadLetterSides sides,
                          DeadLetterListener listener) {

        static Target from(Map<String, ?> configs) {
            var listener = configs.get(LISTENER_CONFIG) instanceof DeadLetterListener l ? l : DeadLetterListener.NONE;
            if (!(configs.get(SIDES_CONFIG) instanceof DeadLetterSides sides)) {
                throw new IllegalArgumentException("Missing Streams configuration " + SIDES_CONFIG
                        + " (the DeadLetterSides of the topology, which tell the DLQ of each processor)");
            }
            return new Target(required(configs, POP_CAPACITY_DLQ_CONFIG), required(configs, PARTNER_ONBOARDING_DLQ_CONFIG),
                    sides, listener);
        }

        List<ProducerRecord<byte[], byte[]>> deadLetter(ErrorHandlerContext context, String reason, Exception exception) {
            String topic = sideOf(context) == DeadLetterSides.Side.PARTNER_ONBOARDING ? partnerOnboardingDlq : popCapacityDlq;
            String message = exception.getClass().getSimpleName() + " in " + context.processorNodeId() + ": "
                    + exception.getMessage();
            LOG.error("Sending {}-{}@{} to {}: {}", context.topic(), context.partition(), context.offset(), topic,
                    message, exception);
            var headers = DeadLetterHeaders.describe(context.headers(), List.of(reason), message, context.topic(),
                    context.partition(), context.offset(), Instant.now());
            listener.deadLettered(topic, reason);
            return List.of(new ProducerRecord<>(topic, null, context.timestamp(), context.sourceRawKey(),
                    context.sourceRawValue(), headers));
        }

        /** The processor's side, else the side of the topic the record came from; the PoP side if neither is known. */
        private DeadLetterSides.Side sideOf(ErrorHandlerContext context) {
            String node = Objects.requireNonNullElse(context.processorNodeId(), "");
            String topic = Objects.requireNonNullElse(context.topic(), "");
            return sides.ofProcessor(node).or(() -> sides.ofTopic(topic)).orElseGet(() -> {
                LOG.error("No side known for processor '{}' or topic '{}'; using the PoP side's DLQ", node, topic);
                return DeadLetterSides.Side.POP_CAPACITY;
            });
        }

        private static String required(Map<String, ?> configs, String key) {
            Object value = configs.get(key);
            if (value == null || value.toString().isBlank()) {
                throw new IllegalArgumentException("Missing Streams configuration " + key
                        + " (the dead-letter topic the error handlers write to)");
            }
            return value.toString();
        }
    }

}
