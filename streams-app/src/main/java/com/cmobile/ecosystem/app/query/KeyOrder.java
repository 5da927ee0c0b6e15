package com.cmobile.ecosystem.app.query;

import java.util.Comparator;

/**
 * The order state stores keep String keys in: unsigned bytes of their UTF-8 form. Merged pages use
 * it too, so a page boundary found by one partition's scan means the same thing in every other.
 */
public final class KeyOrder {

    /** Compares keys the way RocksDB and the in-memory stores iterate them. */
    public static final Comparator<String> COMPARATOR = KeyOrder::compare;

    private KeyOrder() {
    }

    /**
     * Unsigned UTF-8 byte order without encoding: it is the order of Unicode code points, compared
     * here char by char. A lone surrogate counts as {@code '?'}, which is what encoding writes for it.
     * Roll-ups compare keys in every map insertion; encoding both sides each time was a tenth of
     * what the HTTP threads allocated.
     */
    public static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (x == y && !Character.isSurrogate(x)) {
                i++;
                j++;
                continue;
            }
            int cx = codePointAt(a, i);
            int cy = codePointAt(b, j);
            if (cx != cy) {
                return Integer.compare(cx, cy);
            }
            i += Character.isSupplementaryCodePoint(cx) ? 2 : 1;
            j += Character.isSupplementaryCodePoint(cy) ? 2 : 1;
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    private static int codePointAt(String s, int index) {
        char c = s.charAt(index);
        if (Character.isHighSurrogate(c) && index + 1 < s.length() && Character.isLowSurrogate(s.charAt(index + 1))) {
            return Character.toCodePoint(c, s.charAt(index + 1));
        }
        return Character.isSurrogate(c) ? '?' : c;
    }
}
