package com.cmobile.ecosystem.producers.file;

import java.util.Locale;
import java.util.Optional;

/** Layout of an event file. */
public enum EventFormat {
    /** JSON Lines: one JSON object per line, field names as in the Avro schema. */
    JSONL,
    /** Comma-separated values with a header row naming the Avro fields. */
    CSV;

    /** The format a file name implies: {@code .csv} is CSV, {@code .jsonl}, {@code .ndjson} and {@code .json} are JSON Lines. */
    public static Optional<EventFormat> fromFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson") || lower.endsWith(".json")) {
            return Optional.of(JSONL);
        }
        return Optional.empty();
    }
}
