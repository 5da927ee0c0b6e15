package com.cmobile.ecosystem.producers;

import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.events.Topics;
import com.cmobile.ecosystem.serde.SpecificAvroSerializer;
import com.cmobile.ecosystem.validation.EventValidator;
import com.cmobile.ecosystem.validation.Violation;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes ecosystem events for partner systems: one call per event, validated before sending.
 *
 * <p>Writes {@value Topics#POP_CAPACITY} (key: {@code popId}) and {@value Topics#PARTNER_ONBOARDING}
 * (key: {@code partnerId}), values Avro in the Confluent wire format. Guarantees:
 * <ul>
 *   <li>An invalid event is never sent: its future fails with a {@link RejectedEventException}
 *       carrying every violation of the shared {@link EventValidator}.</li>
 *   <li>An event without {@code eventId} gets a random one (see {@link PublishedEvent#eventId()}).</li>
 *   <li>The producer is idempotent with {@code acks=all}: a completed future means the event is on
 *       every in-sync replica, written once, in order per key.</li>
 *   <li>{@link #flush()} and {@link #close()} wait for every event in flight, so nothing acknowledged
 *       or pending is dropped by closing.</li>
 * </ul>
 *
 * <p><b>Record timestamp.</b> The Kafka record timestamp is left to the producer, i.e. the wall-clock
 * send time, and never set to {@code occurredAt}. The broker rejects timestamps more than an hour in
 * the future and, under time-based retention, deletes segments by record timestamp: an event that
 * happened in 2009 stamped 2009 would be deleted within minutes of being backfilled into a topic with
 * the default 7-day retention. Event time travels in {@code occurredAt}, which is what the Streams app
 * orders and aggregates by.
 *
 * <p>Futures complete on the producer's I/O thread: keep dependent actions short. Thread-safe.
 */
public final class EcosystemPublisher implements AutoCloseable {

    private final Producer<String, SpecificRecord> producer;
    private final EventValidator validator;

    /** Wraps an existing producer (for example a {@code MockProducer} in tests); takes ownership of it. */
    public EcosystemPublisher(Producer<String, SpecificRecord> producer, EventValidator validator) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.validator = Objects.requireNonNull(validator, "validator");
    }

    /** A publisher connected as {@code config} says, validating with the default rules. */
    public static EcosystemPublisher create(PublisherConfig config) {
        return create(config, EventValidator.withDefaults());
    }

    /** A publisher connected as {@code config} says, validating with {@code validator}. */
    public static EcosystemPublisher create(PublisherConfig config, EventValidator validator) {
        var values = new SpecificAvroSerializer<SpecificRecord>();
        values.configure(config.serializerProperties(), false);
        var producer = new KafkaProducer<>(config.producerProperties(), new StringSerializer(), values);
        return new EcosystemPublisher(producer, validator);
    }

    /** Validates and sends a PoP capacity event to {@value Topics#POP_CAPACITY}, keyed by popId. */
    public CompletableFuture<PublishedEvent> publish(PopCapacityEvent event) {
        var result = new CompletableFuture<PublishedEvent>();
        send(withId(event), true, completing(result));
        return result;
    }

    /**
     * Like {@link #publish(PopCapacityEvent)} but tells {@code callback} instead of completing a
     * future: for publishing many events, it spares a future and its dependents per event.
     */
    public void publish(PopCapacityEvent event, PublishCallback callback) {
        send(withId(event), true, telling(callback));
    }

    /**
     * Like {@link #publish(PopCapacityEvent, PublishCallback)} for an event its caller has just
     * found valid with this publisher's own {@link #validator()} (the file reader does, line by
     * line): it is not validated a second time, which would repeat a noticeable share of the
     * sending thread's work. Validity only grows with time (an event from the future becomes
     * present), so a check made moments earlier still holds; the event must not change meanwhile.
     */
    public void publishValidated(PopCapacityEvent event, PublishCallback callback) {
        send(withId(event), false, telling(callback));
    }

    /** Validates and sends a partner onboarding event to {@value Topics#PARTNER_ONBOARDING}, keyed by partnerId. */
    public CompletableFuture<PublishedEvent> publish(PartnerOnboardingEvent event) {
        var result = new CompletableFuture<PublishedEvent>();
        send(withId(event), true, completing(result));
        return result;
    }

    /** Like {@link #publish(PartnerOnboardingEvent)} but tells {@code callback} instead of completing a future. */
    public void publish(PartnerOnboardingEvent event, PublishCallback callback) {
        send(withId(event), true, telling(callback));
    }

    /**
     * Like {@link #publish(PartnerOnboardingEvent, PublishCallback)} for an event its caller has
     * just found valid with this publisher's own {@link #validator()}; see
     * {@link #publishValidated(PopCapacityEvent, PublishCallback)}.
     */
    public void publishValidated(PartnerOnboardingEvent event, PublishCallback callback) {
        send(withId(event), false, telling(callback));
    }

    /** The rules every event is checked against before it is sent. */
    public EventValidator validator() {
        return validator;
    }

    /** Blocks until every event sent so far is acknowledged or failed. */
    public void flush() {
        producer.flush();
    }

    /** Sends everything in flight, waiting as long as it takes, then releases the connections. */
    @Override
    public void close() {
        producer.close();
    }

    /**
     * Like {@link #close()} but gives up after {@code timeout}: events still unsent then fail their
     * futures (they are not acknowledged, so no acknowledged event is lost).
     */
    public void close(Duration timeout) {
        producer.close(timeout);
    }

    /** {@code validate} false: the caller has just validated the event (see {@code publishValidated}). */
    private void send(PopCapacityEvent event, boolean validate, Outcome outcome) {
        send(Topics.POP_CAPACITY, event.getPopId(), event.getEventId(), event,
                validate ? validator.validate(event) : List.of(), outcome);
    }

    private void send(PartnerOnboardingEvent event, boolean validate, Outcome outcome) {
        send(Topics.PARTNER_ONBOARDING, event.getPartnerId(), event.getEventId(), event,
                validate ? validator.validate(event) : List.of(), outcome);
    }

    /** Exactly one call of {@code outcome}: on the I/O thread once sent, else before returning. */
    private void send(String topic, String key, UUID eventId, SpecificRecord value, List<Violation> violations,
                      Outcome outcome) {
        String keyText = key == null ? "" : key;
        if (!violations.isEmpty()) {
            outcome.completed(topic, keyText, eventId, null, new RejectedEventException(topic, keyText, violations));
            return;
        }
        // Timestamp null on purpose: the producer stamps the send time (see the class comment).
        var record = new ProducerRecord<String, SpecificRecord>(topic, null, null, key, value);
        try {
            producer.send(record, (metadata, error) -> outcome.completed(topic, keyText, eventId, metadata,
                    error == null ? null : new PublishFailedException(topic, keyText, eventId, error)));
        } catch (RuntimeException e) {
            // Serialization (registry unreachable) and a closed producer fail synchronously.
            outcome.completed(topic, keyText, eventId, null, new PublishFailedException(topic, keyText, eventId, e));
        }
    }

    /** The outcome that completes {@code result}. */
    private static Outcome completing(CompletableFuture<PublishedEvent> result) {
        return (topic, key, eventId, metadata, failure) -> {
            if (failure == null) {
                result.complete(new PublishedEvent(topic, metadata.partition(), metadata.offset(), key, eventId));
            } else {
                result.completeExceptionally(failure);
            }
        };
    }

    /** The outcome that tells {@code callback}. */
    private static Outcome telling(PublishCallback callback) {
        Objects.requireNonNull(callback, "callback");
        return (topic, key, eventId, metadata, failure) -> callback.onCompletion(failure);
    }

    /** What became of one send: the broker's acknowledgement ({@code failure} null), or the failure. */
    private interface Outcome {
        void completed(String topic, String key, UUID eventId, RecordMetadata metadata, RuntimeException failure);
    }

    private static PopCapacityEvent withId(PopCapacityEvent event) {
        Objects.requireNonNull(event, "event");
        return event.getEventId() != null ? event : withEventId(event, new PopCapacityEvent(), UUID.randomUUID());
    }

    private static PartnerOnboardingEvent withId(PartnerOnboardingEvent event) {
        Objects.requireNonNull(event, "event");
        return event.getEventId() != null ? event : withEventId(event, new PartnerOnboardingEvent(), UUID.randomUUID());
    }

    /**
     * A copy with {@code id}, field by field through {@code put}: the generated constructor and
     * builder refuse missing values, which must reach the validator to be reported.
     */
    private static <E extends SpecificRecordBase> E withEventId(E event, E copy, UUID id) {
        int fields = event.getSchema().getFields().size();
        for (int i = 0; i < fields; i++) {
            copy.put(i, event.get(i));
        }
        copy.put("eventId", id);
        return copy;
    }
}
