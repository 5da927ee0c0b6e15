package com.cmobile.ecosystem.app.topology.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.cmobile.ecosystem.app.topology.DeadLetterHeaders;
import com.cmobile.ecosystem.app.topology.DeadLetterListener;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Reads the raw bytes of one input topic into an event and validates it, in one step, so that
 * undeserializable bytes and invalid events take the same way to the DLQ: the original key and
 * value bytes, the original headers plus {@link DeadLetterHeaders}.
 *
 * <p>A valid event leaves with its occurredAt as record timestamp: event time, whatever the
 * producer stamped. A parser {@link #atSource at the source} also checks the partition: a valid event
 * away from its key's home partition ({@link KeyPartitions}) leaves as {@link Parsed.Misplaced}, with
 * its original bytes and timestamp, to be moved there and parsed again {@link #afterMove after the move}.
 * The check is the parser's because only valid events move: the DLQ names where a bad record was
 * really produced.
 */
public final class EventParser<T> implements FixedKeyProcessor<byte[], byte[], Parsed<T>> {

    /** What the parser needs to know about one kind of event. */
    public record EventKind<T>(String idField, Deserializer<T> deserializer,
                               Function<T, List<Problem>> validator,
                               Function<T, String> id, Function<T, Instant> occurredAt) {
    }

    /** One reason an event is invalid: a DLQ reason code and a message naming field and value. */
    public record Problem(String reason, String message) {
    }

    private final EventKind<T> kind;
    private final String deadLetterTopic;
    private final DeadLetterListener listener;
    private final KeyPartitions home; // null after the move: every record is home then
    private FixedKeyProcessorContext<byte[], Parsed<T>> context;

    private EventParser(EventKind<T> kind, String deadLetterTopic, DeadLetterListener listener, KeyPartitions home) {
        this.kind = kind;
        this.deadLetterTopic = deadLetterTopic;
        this.listener = listener;
        this.home = home;
    }

    /** The parser of an input topic whose key routing is {@code home}. */
    public static <T> EventParser<T> atSource(EventKind<T> kind, String deadLetterTopic, DeadLetterListener listener,
                                              KeyPartitions home) {
        return new EventParser<>(kind, deadLetterTopic, listener, home);
    }

    /** The parser of events already moved to their home partition. */
    public static <T> EventParser<T> afterMove(EventKind<T> kind, String deadLetterTopic, DeadLetterListener listener) {
        return new EventParser<>(kind, deadLetterTopic, listener, null);
    }

    @Override
    public void init(FixedKeyProcessorContext<byte[], Parsed<T>> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<byte[], byte[]> record) {
        var metadata = context.recordMetadata().orElseThrow(
                () -> new IllegalStateException("Input record without topic/partition/offset"));
        if (home != null && metadata.partition() >= home.count()) {
            throw new InputPartitionsChangedException(metadata.topic(), metadata.partition(), home.count());
        }
        if (record.value() == null) {
            reject(record, metadata, List.of(DeadLetterHeaders.REASON_DESERIALIZATION), "record has no value");
            return;
        }
        T event;
        try {
            event = kind.deserializer().deserialize(metadata.topic(), record.headers(), record.value());
        } catch (SerializationException e) {
            if (Failures.isTransient(e) || Failures.isRegistryAccessRefused(e)) {
                // The registry could not be reached, or refused our credentials: not the record's
                // fault, so fail rather than dead-letter every record until it is back or fixed.
                throw e;
            }
            reject(record, metadata, List.of(DeadLetterHeaders.REASON_DESERIALIZATION), describe(e));
            return;
        }
        var violations = new ArrayList<>(kind.validator().apply(event));
        var reasons = new LinkedHashSet<String>();
        var messages = new ArrayList<String>();
        for (Problem problem : violations) {
            reasons.add(problem.reason());
            messages.add(problem.message());
        }
        String id = kind.id().apply(event);
        if (id != null && !id.isBlank() && !Arrays.equals(record.key(), id.getBytes(StandardCharsets.UTF_8))) {
            reasons.add(DeadLetterHeaders.REASON_KEY_MISMATCH);
            messages.add("record key " + printable(record.key()) + " is not the " + kind.idField() + " '" + id + "'");
        }
        if (!reasons.isEmpty()) {
            reject(record, metadata, List.copyOf(reasons), String.join("; ", messages));
            return;
        }
        if (home != null && home.of(record.key()) != metadata.partition()) {
            context.forward(record.withValue((Parsed<T>) new Parsed.Misplaced<T>(record.value())));
            return;
        }
        context.forward(record.withValue((Parsed<T>) new Parsed.Valid<>(event))
                .withTimestamp(kind.occurredAt().apply(event).toEpochMilli()));
    }

    private void reject(FixedKeyRecord<byte[], byte[]> record, RecordMetadata metadata, List<String> reasons,
                        String message) {
        var headers = DeadLetterHeaders.describe(record.headers(), reasons, message, metadata.topic(),
                metadata.partition(), metadata.offset(), Instant.ofEpochMilli(context.currentSystemTimeMs()));
        context.forward(record.withValue((Parsed<T>) new Parsed.Rejected<T>(record.value())).withHeaders(headers));
        reasons.forEach(reason -> listener.deadLettered(deadLetterTopic, reason));
    }

    private static String describe(Exception e) {
        var causes = new ArrayList<String>();
        for (Throwable t = e; t != null && causes.size() < 4; t = t.getCause()) {
            causes.add(t.getClass().getSimpleName() + ": " + t.getMessage());
        }
        return causes.stream().collect(Collectors.joining(" <- "));
    }


    private static String printable(byte[] key) {
        return key == null ? "null" : "'" + new String(key, StandardCharsets.UTF_8) + "'";
    }
}
