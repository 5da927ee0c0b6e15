package com.cmobile.ecosystem.producers.file;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The text fields of one line, converted to typed values. Conversion problems are collected per
 * field (not thrown) so that a line is reported with every reason at once.
 */
final class FieldValues {

    /** Each enum's symbols by name, looked up without the exception {@link Enum#valueOf} throws for a miss. */
    private static final ClassValue<Map<String, Enum<?>>> SYMBOLS = new ClassValue<>() {
        @Override
        protected Map<String, Enum<?>> computeValue(Class<?> type) {
            return Arrays.stream((Enum<?>[]) type.getEnumConstants())
                    .collect(Collectors.toUnmodifiableMap(Enum::name, symbol -> symbol));
        }
    };

    private final Map<String, String> fields;
    /** Allocated on the first problem: almost every line has none. */
    private Map<String, String> problems = Map.of();

    FieldValues(Map<String, String> fields, Set<String> known) {
        this.fields = fields;
        for (String name : fields.keySet()) {
            if (!known.contains(name)) {
                problem(name, name + ": unknown field (expected one of " + String.join(", ", known) + ")");
            }
        }
    }

    boolean has(String name) {
        return fields.containsKey(name);
    }

    /** The text value, or null when absent (Avro's own representation of a missing value). */
    String text(String name) {
        return fields.get(name);
    }

    UUID uuid(String name) {
        String value = fields.get(name);
        if (value == null) {
            return null;
        }
        // UUID.fromString accepts abbreviated forms like "1-2-3-4-5"; only the canonical form is a UUID here.
        if (isCanonicalUuid(value)) {
            return UUID.fromString(value);
        }
        problem(name, name + ": '" + value + "' is not a UUID");
        return null;
    }

    Long wholeNumber(String name) {
        String value = fields.get(name);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            problem(name, name + ": '" + value + "' is not a whole number");
            return null;
        }
    }

    /** An ISO-8601 instant ({@code 2024-05-01T08:00:00Z}, offsets allowed) or epoch milliseconds. */
    Instant instant(String name) {
        String value = fields.get(name);
        if (value == null) {
            return null;
        }
        try {
            if (isInteger(value)) {
                return Instant.ofEpochMilli(Long.parseLong(value));
            }
            Instant parsed = fastUtcInstant(value);
            if (parsed == null) {
                parsed = value.endsWith("Z") || value.endsWith("z")
                        ? Instant.parse(value.toUpperCase(Locale.ROOT))
                        : OffsetDateTime.parse(value).toInstant();
            }
            // The schema stores milliseconds; truncating here keeps what is validated equal to what is sent.
            return parsed.truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeException | NumberFormatException e) {
            problem(name, name + ": '" + value + "' is neither an ISO-8601 instant nor epoch milliseconds");
            return null;
        }
    }

    /** Case-insensitive enum symbol; {@code UNKNOWN} is returned as such for the validator to refuse. */
    <E extends Enum<E>> E symbol(String name, Class<E> type) {
        String value = fields.get(name);
        if (value == null) {
            return null;
        }
        Map<String, Enum<?>> symbols = SYMBOLS.get(type);
        // The symbol as written is by far the common case and spares two String copies.
        Enum<?> symbol = symbols.get(value);
        if (symbol == null) {
            symbol = symbols.get(value.strip().toUpperCase(Locale.ROOT));
        }
        if (symbol == null) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name)
                    .filter(s -> !s.equals("UNKNOWN")).collect(Collectors.joining(", "));
            problem(name, name + ": '" + value + "' is not one of " + allowed);
            return null;
        }
        return type.cast(symbol);
    }

    /** Fields that had a conversion problem (their violations from the validator would only repeat it). */
    Set<String> fieldsWithProblems() {
        return problems.keySet();
    }

    List<String> problems() {
        return new ArrayList<>(problems.values());
    }

    private void problem(String field, String message) {
        if (problems.isEmpty()) {
            problems = new LinkedHashMap<>();
        }
        problems.put(field, message);
    }

    /** {@code xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx} in hexadecimal digits of either case. */
    static boolean isCanonicalUuid(String value) {
        if (value.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = value.charAt(i);
            boolean ok = i == 8 || i == 13 || i == 18 || i == 23 ? c == '-'
                    : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}, the shape almost every line has, parsed without
     * {@link java.time.format.DateTimeFormatter}, which costs more than the rest of the line put
     * together. Null for any other shape, which then takes the general path.
     *
     * @throws DateTimeException for an impossible date such as February 30
     */
    static Instant fastUtcInstant(String v) {
        int length = v.length();
        if (length < 20 || length > 30 || v.charAt(4) != '-' || v.charAt(7) != '-' || v.charAt(10) != 'T'
                || v.charAt(13) != ':' || v.charAt(16) != ':' || v.charAt(length - 1) != 'Z') {
            return null;
        }
        int year = digits(v, 0, 4);
        int month = digits(v, 5, 7);
        int day = digits(v, 8, 10);
        int hour = digits(v, 11, 13);
        int minute = digits(v, 14, 16);
        int second = digits(v, 17, 19);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (length > 20) {
            int fractionDigits = length - 21;
            if (v.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) {
                return null;
            }
            nanos = digits(v, 20, length - 1);
            if (nanos < 0) {
                return null;
            }
            for (int i = fractionDigits; i < 9; i++) {
                nanos *= 10;
            }
        } else if (v.charAt(19) != 'Z') {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The decimal number in {@code v[from, to)}, or -1 if a character is not a digit. */
    private static int digits(String v, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static boolean isInteger(String value) {
        int start = value.startsWith("-") ? 1 : 0;
        if (value.length() == start) {
            return false;
        }
        for (int i = start; i < value.length(); i++) {
            if (!Character.isDigit(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
