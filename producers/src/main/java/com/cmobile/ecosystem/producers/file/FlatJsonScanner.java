package com.cmobile.ecosystem.producers.file;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * The fast path of {@link JsonLineFieldsParser}: reads the common line, one flat object of strings,
 * numbers, booleans and nulls, straight from its UTF-8 bytes. Creating a Jackson parser per line
 * cost more than the scanning itself (a quarter of the reading CPU of a million-line file).
 *
 * <p>It only ever says "these are the fields" or "not mine": a line with anything unusual (escapes,
 * control characters, malformed UTF-8, bad syntax, duplicate names, nested values, very long lines)
 * is left to Jackson, which then accepts it or reports it with its own message. So for every line
 * it accepts it yields exactly what the Jackson path yields. Not thread-safe: one per reader.
 */
final class FlatJsonScanner {

    /** Longer lines go to Jackson, which enforces its own length limits on names, values and numbers. */
    static final int MAX_LINE_BYTES = 16 * 1024;
    private static final int MAX_NUMBER_BYTES = 64;

    private static final int NAME_SLOTS = 64;

    /** What {@link #value()} returns for a value it does not handle (compared by identity). */
    private static final String NOT_HANDLED = new String("not handled");

    /** Field names recently seen, by a hash of their bytes: a file repeats the same few names. */
    private final byte[][] nameBytes = new byte[NAME_SLOTS][];
    private final String[] names = new String[NAME_SLOTS];

    private byte[] in;
    private int pos;
    private int end;

    /**
     * @return the fields (absent and null ones left out), or null when this line is not for the fast
     *         path and Jackson must read it
     */
    Map<String, String> fields(byte[] line, int offset, int length) {
        if (length > MAX_LINE_BYTES) {
            return null;
        }
        in = line;
        pos = offset;
        end = offset + length;
        try {
            return object();
        } finally {
            in = null;
        }
    }

    private Map<String, String> object() {
        if (!skipSpace() || in[pos] != '{') {
            return null;
        }
        pos++;
        var fields = new LineFields();
        if (!skipSpace()) {
            return null;
        }
        if (in[pos] == '}') {
            pos++;
            return atEnd() ? fields : null;
        }
        while (true) {
            if (in[pos] != '"') {
                return null;
            }
            String name = name();
            if (name == null || !skipSpace() || in[pos] != ':') {
                return null;
            }
            pos++;
            if (!skipSpace()) {
                return null;
            }
            String value = value();
            if (value == NOT_HANDLED) {
                return null;
            }
            if (value != null ? !fields.add(name, value) : fields.containsKey(name)) {
                return null; // Jackson's path reports the duplicate
            }
            if (!skipSpace()) {
                return null;
            }
            byte b = in[pos++];
            if (b == '}') {
                return atEnd() ? fields : null;
            }
            if (b != ',' || !skipSpace()) {
                return null;
            }
        }
    }

    /**
     * The value at {@code pos} as Jackson's {@code getText()} gives it, null for JSON null,
     * {@link #NOT_HANDLED} for anything else.
     */
    private String value() {
        byte b = in[pos];
        String value;
        if (b == '"') {
            value = string();
        } else if (b == '-' || (b >= '0' && b <= '9')) {
            value = number();
        } else if (literal("true")) {
            return "true";
        } else if (literal("false")) {
            return "false";
        } else if (literal("null")) {
            return null;
        } else {
            return NOT_HANDLED;
        }
        return value == null ? NOT_HANDLED : value;
    }

    /** Consumes {@code word} if it is at {@code pos} and followed by a delimiter. */
    private boolean literal(String word) {
        int n = word.length();
        if (end - pos < n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (in[pos + i] != word.charAt(i)) {
                return false;
            }
        }
        int after = pos + n;
        if (after < end && !isDelimiter(in[after])) {
            return false;
        }
        pos = after;
        return true;
    }

    /** A JSON number in its strict grammar, as written: {@code -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?}. */
    private String number() {
        int start = pos;
        int i = pos;
        if (in[i] == '-') {
            i++;
        }
        if (i >= end) {
            return null;
        }
        if (in[i] == '0') {
            i++;
        } else {
            int digits = digits(i);
            if (digits == 0) {
                return null;
            }
            i += digits;
        }
        if (i < end && in[i] == '.') {
            int digits = digits(i + 1);
            if (digits == 0) {
                return null;
            }
            i += 1 + digits;
        }
        if (i < end && (in[i] == 'e' || in[i] == 'E')) {
            i++;
            if (i < end && (in[i] == '+' || in[i] == '-')) {
                i++;
            }
            int digits = digits(i);
            if (digits == 0) {
                return null;
            }
            i += digits;
        }
        if (i - start > MAX_NUMBER_BYTES || (i < end && !isDelimiter(in[i]))) {
            return null;
        }
        pos = i;
        return new String(in, start, i - start, StandardCharsets.ISO_8859_1);
    }

    private int digits(int from) {
        int i = from;
        while (i < end && in[i] >= '0' && in[i] <= '9') {
            i++;
        }
        return i - from;
    }

    /** A string without escapes or control characters, in well-formed UTF-8; {@code pos} is on its opening quote. */
    private String string() {
        int start = pos + 1;
        int close = closingQuote(start);
        if (close < 0) {
            return null;
        }
        pos = close + 1;
        return new String(in, start, close - start, StandardCharsets.UTF_8);
    }

    private String name() {
        int start = pos + 1;
        int close = closingQuote(start);
        if (close < 0) {
            return null;
        }
        pos = close + 1;
        int length = close - start;
        int hash = 1;
        for (int i = start; i < close; i++) {
            hash = 31 * hash + in[i];
        }
        int slot = (hash ^ (hash >>> 16)) & (NAME_SLOTS - 1);
        byte[] known = nameBytes[slot];
        if (known != null && Arrays.equals(known, 0, known.length, in, start, close)) {
            return names[slot];
        }
        // Interned: the mappers look fields up by literal names, which then match by identity.
        String name = new String(in, start, length, StandardCharsets.UTF_8).intern();
        nameBytes[slot] = Arrays.copyOfRange(in, start, close);
        names[slot] = name;
        return name;
    }

    /**
     * The index of the quote closing a string that starts at {@code from}, or -1 when the string
     * has an escape, a control character or malformed UTF-8, or does not close.
     */
    private int closingQuote(int from) {
        int i = from;
        while (i < end) {
            int b = in[i] & 0xFF;
            if (b == '"') {
                return i;
            }
            if (b == '\\' || b < 0x20) {
                return -1;
            }
            if (b < 0x80) {
                i++;
            } else {
                int n = utf8Sequence(i);
                if (n < 0) {
                    return -1;
                }
                i += n;
            }
        }
        return -1;
    }

    /**
     * Length of the well-formed UTF-8 sequence (RFC 3629: shortest form, no surrogates, at most
     * U+10FFFF) starting with a non-ASCII byte at {@code i}, or -1.
     */
    private int utf8Sequence(int i) {
        int b = in[i] & 0xFF;
        int n;
        int min;
        int max = 0xBF;
        if (b >= 0xC2 && b <= 0xDF) {
            return i + 1 < end && isContinuation(in[i + 1]) ? 2 : -1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            n = 3;
            min = b == 0xE0 ? 0xA0 : 0x80;
            max = b == 0xED ? 0x9F : 0xBF;
        } else if (b >= 0xF0 && b <= 0xF4) {
            n = 4;
            min = b == 0xF0 ? 0x90 : 0x80;
            max = b == 0xF4 ? 0x8F : 0xBF;
        } else {
            return -1;
        }
        if (i + n > end) {
            return -1;
        }
        int second = in[i + 1] & 0xFF;
        if (second < min || second > max) {
            return -1;
        }
        for (int k = 2; k < n; k++) {
            if (!isContinuation(in[i + k])) {
                return -1;
            }
        }
        return n;
    }

    private static boolean isContinuation(byte b) {
        return (b & 0xC0) == 0x80;
    }

    private static boolean isDelimiter(byte b) {
        return b == ',' || b == '}' || b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    /** Skips JSON whitespace; false at the end of the line. */
    private boolean skipSpace() {
        while (pos < end) {
            byte b = in[pos];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return true;
            }
            pos++;
        }
        return false;
    }

    private boolean atEnd() {
        return !skipSpace();
    }
}
