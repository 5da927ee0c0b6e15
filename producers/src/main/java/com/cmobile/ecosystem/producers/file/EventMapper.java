package com.cmobile.ecosystem.producers.file;

import java.util.Map;
import java.util.Set;

/** Turns the text fields of one line into a validated event of one kind. */
interface EventMapper<T> {

    /** Field names a line may carry, in schema order. */
    Set<String> fieldNames();

    LineResult<T> map(long line, String input, Map<String, String> fields);
}
