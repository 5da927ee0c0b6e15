package com.cmobile.ecosystem.producers.file;

import java.util.List;

/**
 * What became of one line of an event file: an event ready to publish, or the reasons it cannot be.
 *
 * @param <T> event type
 */
public sealed interface LineResult<T> permits LineResult.Accepted, LineResult.Rejected {

    /** 1-based physical line number in the file. */
    long line();

    /** A line that parsed into a valid event. */
    record Accepted<T>(long line, T event) implements LineResult<T> {
    }

    /**
     * A line that is malformed or describes an invalid event.
     *
     * @param line 1-based line number
     * @param input the line as read
     * @param reasons every problem found, each naming the field and the bad value
     */
    record Rejected<T>(long line, String input, List<String> reasons) implements LineResult<T> {
        public Rejected {
            reasons = List.copyOf(reasons);
        }

        /** All reasons in one line, {@code "; "}-separated. */
        public String reason() {
            return String.join("; ", reasons);
        }

        /** {@code line N: reason}, as reported to the user. */
        public String describe() {
            return "line " + line + ": " + reason();
        }
    }
}
