package com.cmobile.ecosystem.producers.file;

import java.util.Map;
import java.util.Set;

/** Turns the text fields of one line into a validated event of one kind. */
interface EventMapper<T> {

    /** Field names a line may carry, in schema order. */
    Set<String> fieldNames();

    /**
     * The event, or the reasons it cannot be one. A rejection's {@code input} is left empty: the
     * reader fills it in, decoding the line's bytes only for the (rare) rejected lines.
     */
    LineResult<T> map(long line, Map<String, String> fields);
}
