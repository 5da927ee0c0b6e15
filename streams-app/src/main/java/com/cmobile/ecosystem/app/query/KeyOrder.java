package com.cmobile.ecosystem.app.query;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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

    public static int compare(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
