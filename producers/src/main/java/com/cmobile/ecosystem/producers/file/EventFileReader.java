package com.cmobile.ecosystem.producers.file;

import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.validation.EventValidator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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

    /** Reads {@code in} (UTF-8) to its end, handing each non-blank line's result to {@code sink} in file order. */
    public void read(InputStream in, Consumer<? super LineResult<T>> sink) throws IOException {
        LineSplitter.split(in, (number, buffer, offset, length) -> {
            if (!isBlank(buffer, offset, length)) {
                parse(number, buffer, offset, length).ifPresent(sink);
            }
        });
    }

    /**
     * The result of one line, or empty for a line that holds no event (the CSV header). Lines must be
     * given in file order.
     */
    public Optional<LineResult<T>> parse(long lineNumber, String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return parse(lineNumber, bytes, 0, bytes.length);
    }

    private Optional<LineResult<T>> parse(long lineNumber, byte[] buffer, int offset, int length) {
        LineResult<T> result;
        try {
            Optional<Map<String, String>> fields = parser.fields(buffer, offset, length);
            if (fields.isEmpty()) {
                checkHeader(lineNumber);
                return Optional.empty();
            }
            result = mapper.map(lineNumber, fields.get());
        } catch (MalformedLineException e) {
            result = new LineResult.Rejected<>(lineNumber, "", List.of(e.getMessage()));
        } catch (EventFileException e) {
            throw new EventFileException("line " + lineNumber + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // A value the mapper did not foresee: reject this line, keep reading, and say what happened.
            result = new LineResult.Rejected<>(lineNumber, "", List.of("cannot read this line: " + e));
        }
        if (result instanceof LineResult.Rejected<T> rejected) {
            String input = new String(buffer, offset, length, StandardCharsets.UTF_8);
            return Optional.of(new LineResult.Rejected<>(lineNumber, input, rejected.reasons()));
        }
        return Optional.of(result);
    }

    private static boolean isBlank(byte[] buffer, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            byte b = buffer[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
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
