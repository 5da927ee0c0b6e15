package com.cmobile.ecosystem.producers.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The outcome of publishing one file.
 *
 * @param read non-blank event lines read (the CSV header excluded)
 * @param published events acknowledged by Kafka (or found valid, in a dry run)
 * @param rejected lines refused with a reason
 * @param elapsed wall-clock time from opening the file to the last acknowledgement
 * @param dryRun whether events were only validated
 * @param fatalError what stopped the publication early, if anything
 */
public record PublicationSummary(long read, long published, long rejected, Duration elapsed, boolean dryRun,
                                 Optional<String> fatalError) {

    /** Process exit code: 0 all published, 2 some lines rejected, 1 fatal error. */
    public int exitCode() {
        if (fatalError.isPresent()) {
            return 1;
        }
        return rejected > 0 ? 2 : 0;
    }

    /** Published events per second over the whole run. */
    public double eventsPerSecond() {
        double seconds = Math.max(elapsed.toNanos(), 1) / 1e9;
        return published / seconds;
    }

    /** One line for humans: read, published (or valid), rejected, elapsed, events/s. */
    public String describe() {
        return String.format(Locale.ROOT, "read %,d, %s %,d, rejected %,d, elapsed %.1f s, %,.0f events/s",
                read, dryRun ? "valid (dry run, nothing published)" : "published", published, rejected,
                elapsed.toMillis() / 1000.0, eventsPerSecond());
    }
}
