package com.cmobile.ecosystem.app.topology;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Headers every dead-lettered record carries, on top of the original record's own headers. Values
 * are UTF-8 strings. The record's key and value are the original bytes.
 */
public final class DeadLetterHeaders {

    /** Comma-separated reason codes, e.g. {@code blank,future-timestamp}. */
    public static final String REASONS = "dlq.reasons";
    /** Human-readable explanation naming the fields and values at fault. */
    public static final String MESSAGE = "dlq.message";
    public static final String SOURCE_TOPIC = "dlq.source.topic";
    public static final String SOURCE_PARTITION = "dlq.source.partition";
    public static final String SOURCE_OFFSET = "dlq.source.offset";
    /** ISO-8601 instant at which the record was rejected. */
    public static final String FAILED_AT = "dlq.failed.at";

    /** Bytes that are not a readable event of the topic's schema (or no value at all). */
    public static final String REASON_DESERIALIZATION = "deserialization";
    /** The record key is not the id the event carries (popId / partnerId): it would land on the wrong partition. */
    public static final String REASON_KEY_MISMATCH = "key-mismatch";
    /** An unexpected exception while processing the record. */
    public static final String REASON_PROCESSING_ERROR = "processing-error";

    private DeadLetterHeaders() {
    }

    /** A copy of {@code original} with the dead-letter headers added (replacing any earlier ones). */
    public static Headers describe(Headers original, List<String> reasons, String message, String sourceTopic,
                                   int sourcePartition, long sourceOffset, Instant failedAt) {
        var headers = new RecordHeaders();
        for (Header header : original) {
            if (!header.key().startsWith("dlq.")) {
                headers.add(header);
            }
        }
        headers.add(REASONS, utf8(String.join(",", reasons)));
        headers.add(MESSAGE, utf8(message));
        headers.add(SOURCE_TOPIC, utf8(sourceTopic));
        headers.add(SOURCE_PARTITION, utf8(Integer.toString(sourcePartition)));
        headers.add(SOURCE_OFFSET, utf8(Long.toString(sourceOffset)));
        headers.add(FAILED_AT, utf8(failedAt.toString()));
        return headers;
    }

    /** The value of a header as a String, or empty when absent. */
    public static Optional<String> read(Headers headers, String key) {
        Header header = headers.lastHeader(key);
        return header == null || header.value() == null
                ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
