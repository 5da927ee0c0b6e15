package com.cmobile.ecosystem.producers.cli;

import com.cmobile.ecosystem.producers.EcosystemPublisher;
import com.cmobile.ecosystem.producers.PublishCallback;
import com.cmobile.ecosystem.producers.PublisherConfig;
import com.cmobile.ecosystem.producers.file.EventFileReader;
import com.cmobile.ecosystem.producers.file.EventFormat;
import com.cmobile.ecosystem.validation.EventValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Publishes one file of events of one kind: bad lines are reported as {@code line N: reason} on
 * stderr and skipped, every other line is published, a summary ends the run.
 *
 * @param <T> event type
 */
abstract class PublishFileCommand<T> implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConnectionOptions connection;

    @Parameters(index = "0", paramLabel = "FILE",
            description = "JSON Lines (.jsonl, .ndjson, .json) or CSV with a header row (.csv); - reads stdin.")
    private String file;

    @Option(names = "--format", paramLabel = "jsonl|csv",
            description = "File format when the extension does not say (required for stdin unless JSON Lines).")
    private Optional<EventFormat> format = Optional.empty();

    @Option(names = "--dry-run", description = "Validate only: report bad lines, publish nothing, contact nothing.")
    private boolean dryRun;

    @Option(names = "--rejects", paramLabel = "FILE",
            description = "Also write rejected lines with their reasons to FILE (JSON Lines).")
    private Optional<Path> rejectsPath = Optional.empty();

    @Option(names = "--source", paramLabel = "NAME", defaultValue = "producers-cli",
            description = "source of events whose line has none (default: ${DEFAULT-VALUE}).")
    private String defaultSource;

    @Option(names = "--progress", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Show a progress bar on a terminal for long files (default: on).")
    private boolean progress;

    /** The reader of one event kind's files, e.g. {@link EventFileReader#pops}. */
    @FunctionalInterface
    interface Reader<T> {
        EventFileReader<T> open(EventFormat format, EventValidator validator, String defaultSource);
    }

    /** Sends one event the reader has found valid with the publisher's validator (its {@code publishValidated}). */
    @FunctionalInterface
    interface Sender<T> {
        void send(EcosystemPublisher publisher, T event, PublishCallback callback);
    }

    private final String topic;
    private final Reader<T> reader;
    private final Sender<T> sender;

    /**
     * @param topic  the topic this command writes
     * @param reader the reader of this command's event kind
     * @param sender how the publisher sends one event of that kind
     */
    PublishFileCommand(String topic, Reader<T> reader, Sender<T> sender) {
        this.topic = topic;
        this.reader = reader;
        this.sender = sender;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        EventFormat chosen = format.orElseGet(this::impliedFormat);
        ProducersCli root = (ProducersCli) spec.root().userObject();
        // One validator for reading and publishing: the reader's verdict on a line is the publisher's.
        var validator = EventValidator.withDefaults();
        var fileReader = reader.open(chosen, validator, defaultSource);
        try (var input = open(root.stdin());
             var rejects = rejectsPath.isPresent() ? new RejectsFile(rejectsPath.get()) : null) {
            var bar = new ProgressBar(err, input.size(), progress && System.console() != null);
            PublicationSummary summary;
            if (dryRun) {
                summary = new FilePublication<>(fileReader, Optional.empty(), () -> { }, err,
                        Optional.ofNullable(rejects), bar, input.stream()::count).run(input.stream());
            } else {
                // A file is a backlog: batches may fill up, nobody waits on one event's acknowledgement.
                PublisherConfig config = connection.config(root.env()).forBulkPublication();
                ClusterCheck.verify(config, List.of(topic), connection.connectTimeout());
                try (var publisher = EcosystemPublisher.create(config, validator)) {
                    BiConsumer<T, PublishCallback> send =
                            (event, callback) -> sender.send(publisher, event, callback);
                    summary = new FilePublication<>(fileReader, Optional.of(send), publisher::flush, err,
                            Optional.ofNullable(rejects), bar, input.stream()::count).run(input.stream());
                }
            }
            summary.fatalError().ifPresent(message -> err.println("error: " + message));
            out.println(summary.describe());
            out.flush();
            return summary.exitCode();
        } catch (FatalException e) {
            err.println("error: " + e.getMessage());
            return ProducersCli.FATAL;
        }
    }

    private EventFormat impliedFormat() {
        if (file.equals("-")) {
            return EventFormat.JSONL;
        }
        return EventFormat.fromFileName(file).orElseThrow(() -> new FatalException(
                "cannot tell the format of " + file + " from its name: use --format jsonl or --format csv"));
    }

    private Input open(InputStream stdin) throws IOException {
        if (file.equals("-")) {
            return new Input(new CountingInputStream(stdin), OptionalLong.empty(), false);
        }
        Path path = Path.of(file);
        try {
            return new Input(new CountingInputStream(Files.newInputStream(path)), OptionalLong.of(Files.size(path)), true);
        } catch (NoSuchFileException e) {
            throw new FatalException("no such file: " + file);
        }
    }

    /** The opened file (or stdin, which is never closed by us). */
    private record Input(CountingInputStream stream, OptionalLong size, boolean owned) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            if (owned) {
                stream.close();
            }
        }
    }
}
