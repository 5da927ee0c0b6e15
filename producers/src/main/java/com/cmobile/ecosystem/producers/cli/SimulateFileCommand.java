package com.cmobile.ecosystem.producers.cli;

import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.producers.file.EventJsonLinesWriter;
import com.cmobile.ecosystem.producers.simulator.LoadGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.avro.specific.SpecificRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code simulate file --kind pops --events N --out F}: a JSON Lines file of valid events, for benchmarks. */
@Command(name = "file", mixinStandardHelpOptions = true,
        description = "Writes a JSON Lines file of valid random events of one kind (for benchmarks of publish).")
final class SimulateFileCommand implements Callable<Integer> {

    /** Which events the file holds. */
    enum Kind { POPS, PARTNERS }

    @Spec
    private CommandSpec spec;

    @Option(names = "--kind", paramLabel = "pops|partners", defaultValue = "pops", description = "Event kind (default: pops).")
    private Kind kind;

    @Option(names = "--events", paramLabel = "N", defaultValue = "1000000", description = "Number of lines (default: ${DEFAULT-VALUE}).")
    private long events;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "File to write (overwritten).")
    private Path out;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Override
    public Integer call() throws IOException {
        var generator = LoadGenerator.withSeed(seed);
        // One event per second of event time, ending an hour ago: every line is in the past when published.
        Instant first = Clock.systemUTC().instant().minusSeconds(events + 3_600);
        long written = 0;
        try (var writer = new EventJsonLinesWriter(new BufferedOutputStream(Files.newOutputStream(out), 1 << 16))) {
            while (written < events) {
                SpecificRecord event = generator.next(first.plusSeconds(written));
                if (kind == Kind.POPS && event instanceof PopCapacityEvent pop) {
                    writer.write(pop);
                    written++;
                } else if (kind == Kind.PARTNERS && event instanceof PartnerOnboardingEvent partner) {
                    writer.write(partner);
                    written++;
                }
            }
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "wrote %,d %s events to %s%n", written,
                kind.name().toLowerCase(Locale.ROOT), out);
        return ProducersCli.OK;
    }
}
