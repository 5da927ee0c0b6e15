package com.cmobile.ecosystem.producers.file;

import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.validation.EventValidator;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads an event file line by line into {@link LineResult}s: a valid event, or {@code line N: reason}
 * with every reason. A bad line never stops the reading; only a file-level problem (an unusable CSV
 * header) throws {@link EventFileException}.
 *
 * <p>Field names are those of the Avro schema. {@code occurredAt} is an ISO-8601 instant or epoch
 * milliseconds; {@code eventId} is optional (derived from the content when absent, so re-reading a
 * file yields the same ids); {@code source} is optional (the reader's default source when absent);
 * enum symbols are case-insensitive. Blank lines are skipped. Not thread-safe: one reader per file.
 *
 * @param <T> event type
 */
public final class EventFileReader<T> {

    private final FieldsParser parser;
    private final EventMapper<T> mapper;
    private final EventFormat format;

    private EventFileReader(EventFormat format, EventMapper<T> mapper) {
        this.format = format;
        this.parser = format == EventFormat.CSV ? new CsvLineFieldsParser() : new JsonLineFieldsParser();
        this.mapper = mapper;
    }

    /** A reader of {@link PopCapacityEvent} lines. */
    public static EventFileReader<PopCapacityEvent> pops(EventFormat format, EventValidator validator,
                                                         String defaultSource) {
        return new EventFileReader<>(format, new PopCapacityEventMapper(validator, defaultSource));
    }

    /** A reader of {@link PartnerOnboardingEvent} lines. */
    public static EventFileReader<PartnerOnboardingEvent> partners(EventFormat format, EventValidator validator,
                                                                   String defaultSource) {
        return new EventFileReader<>(format, new PartnerOnboardingEventMapper(validator, defaultSource));
    }

    /** Reads {@code in} to its end, handing each non-blank line's result to {@code sink} in file order. */
    public void read(BufferedReader in, Consumer<? super LineResult<T>> sink) throws IOException {
        long lineNumber = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNumber++;
            if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1); // byte order mark written by some spreadsheet exports
            }
            if (line.isBlank()) {
                continue;
            }
            parse(lineNumber, line).ifPresent(sink);
        }
    }

    /**
     * The result of one line, or empty for a line that holds no event (the CSV header). Lines must be
     * given in file order.
     */
    public Optional<LineResult<T>> parse(long lineNumber, String line) {
        Map<String, String> fields;
        try {
            Optional<Map<String, String>> parsed = parser.fields(line);
            if (parsed.isEmpty()) {
                checkHeader(lineNumber);
                return Optional.empty();
            }
            fields = parsed.get();
        } catch (MalformedLineException e) {
            return Optional.of(new LineResult.Rejected<>(lineNumber, line, List.of(e.getMessage())));
        } catch (EventFileException e) {
            throw new EventFileException("line " + lineNumber + ": " + e.getMessage(), e);
        }
        try {
            return Optional.of(mapper.map(lineNumber, line, fields));
        } catch (RuntimeException e) {
            // A value the mapper did not foresee: reject this line, keep reading, and say what happened.
            return Optional.of(new LineResult.Rejected<>(lineNumber, line, List.of("cannot read this line: " + e)));
        }
    }

    private void checkHeader(long lineNumber) {
        if (format != EventFormat.CSV) {
            return;
        }
        var unknown = ((CsvLineFieldsParser) parser).header().stream()
                .filter(name -> !mapper.fieldNames().contains(name)).toList();
        if (!unknown.isEmpty()) {
            throw new EventFileException("line " + lineNumber + ": CSV header names unknown column(s) "
                    + String.join(", ", unknown) + "; expected some of " + String.join(", ", mapper.fieldNames()));
        }
    }
}
