package com.cmobile.ecosystem.app.query;

import java.util.Objects;

/**
 * The entries a range scan covers: keys starting with {@code prefix}, between {@code from} and
 * {@code to} inclusive (an empty string leaves that side open, so {@link #ALL} is every key), whose
 * value matches {@code where}. The filter runs where the data is, so pages stay full.
 */
public record KeyRange(String prefix, String from, String to, ValueFilter where) {

    public static final KeyRange ALL = new KeyRange("", "", "", ValueFilter.NONE);

    public KeyRange {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(where, "where");
    }

    public static KeyRange prefix(String prefix) {
        return new KeyRange(prefix, "", "", ValueFilter.NONE);
    }

    public static KeyRange between(String from, String to) {
        return new KeyRange("", from, to, ValueFilter.NONE);
    }

    /** The same keys, keeping only values that match {@code filter}. */
    public KeyRange where(ValueFilter filter) {
        return new KeyRange(prefix, from, to, filter);
    }

    /** True when {@code key} is in the range (the value filter aside). */
    public boolean contains(String key) {
        return key.startsWith(prefix)
                && (from.isEmpty() || KeyOrder.compare(key, from) >= 0)
                && (to.isEmpty() || KeyOrder.compare(key, to) <= 0);
    }

    /** True when no key at or after {@code key} (in store order) can be in the range. */
    public boolean isPast(String key) {
        if (!to.isEmpty() && KeyOrder.compare(key, to) > 0) {
            return true;
        }
        // Keys with the prefix are contiguous in byte order: once past them, stop scanning.
        return !key.startsWith(prefix) && KeyOrder.compare(key, prefix) > 0;
    }

    /** The smallest key worth scanning from, or empty when the scan starts at the first key. */
    public String lowerBound() {
        return KeyOrder.compare(prefix, from) >= 0 ? prefix : from;
    }
}
