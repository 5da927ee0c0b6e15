package com.cmobile.ecosystem.producers.cli;

import com.cmobile.ecosystem.producers.PublishCallback;
import com.cmobile.ecosystem.producers.file.EventFileReader;
import com.cmobile.ecosystem.producers.file.LineResult;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

/**
 * Publishes one event file: a parser thread reads and validates lines in chunks while the calling
 * thread serializes and sends them, so both cores work. Acknowledgements are counted in callbacks;
 * nothing waits on a single event. Rejected lines are reported in file order.
 *
 * @param <T> event type
 */
final class FilePublication<T> {

    private static final int CHUNK = 1_024;
    private static final int CHUNKS_IN_FLIGHT = 32;

    private final EventFileReader<T> reader;
    private final Optional<BiConsumer<T, PublishCallback>> publish;
    private final Runnable flush;
    private final PrintWriter err;
    private final Optional<RejectsFile> rejects;
    private final ProgressBar progress;
    private final LongSupplier bytesRead;

    /**
     * @param publish sends one event; empty for a dry run
     * @param flush waits for every event sent to be acknowledged or failed
     */
    FilePublication(EventFileReader<T> reader, Optional<BiConsumer<T, PublishCallback>> publish,
                    Runnable flush, PrintWriter err, Optional<RejectsFile> rejects, ProgressBar progress,
                    LongSupplier bytesRead) {
        this.reader = reader;
        this.publish = publish;
        this.flush = flush;
        this.err = err;
        this.rejects = rejects;
        this.progress = progress;
        this.bytesRead = bytesRead;
    }

    PublicationSummary run(InputStream in) {
        long start = System.nanoTime();
        var chunks = new ArrayBlockingQueue<List<LineResult<T>>>(CHUNKS_IN_FLIGHT);
        var readFailure = new AtomicReference<Throwable>();
        Thread parser = new Thread(() -> parse(in, chunks, readFailure), "event-file-parser");
        parser.setDaemon(true);
        parser.start();

        var published = new LongAdder();
        var sendFailure = new AtomicReference<Throwable>();
        // One callback for every event: a future per event cost more than counting.
        PublishCallback counted = failure -> {
            if (failure == null) {
                published.increment();
            } else {
                sendFailure.compareAndSet(null, failure);
            }
        };
        BiConsumer<T, PublishCallback> send = publish.orElse(null);
        long read = 0;
        long rejected = 0;
        try {
            for (List<LineResult<T>> chunk = chunks.take(); !chunk.isEmpty() && sendFailure.get() == null;
                 chunk = chunks.take()) {
                for (LineResult<T> result : chunk) {
                    read++;
                    if (result instanceof LineResult.Rejected<T> bad) {
                        rejected++;
                        err.println(bad.describe());
                        rejects.ifPresent(file -> file.write(bad));
                    } else if (result instanceof LineResult.Accepted<T> good) {
                        if (send != null) {
                            send.accept(good.event(), counted);
                        }
                    }
                }
                progress.update(read, bytesRead.getAsLong(), publish.isPresent() ? published.sum() : read - rejected);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sendFailure.compareAndSet(null, e);
        } finally {
            parser.interrupt();
        }
        flush.run();
        progress.finish();
        err.flush();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        long valid = publish.isPresent() ? published.sum() : read - rejected;
        Optional<String> fatal = Optional.ofNullable(readFailure.get()).or(() -> Optional.ofNullable(sendFailure.get()))
                .map(Errors::describe);
        return new PublicationSummary(read, valid, rejected, elapsed, publish.isEmpty(), fatal);
    }

    /** Runs on the parser thread; always ends the queue with an empty chunk, even on failure. */
    private void parse(InputStream in, BlockingQueue<List<LineResult<T>>> chunks, AtomicReference<Throwable> failure) {
        try {
            var chunk = new ArrayList<LineResult<T>>(CHUNK);
            try {
                reader.read(in, result -> {
                    chunk.add(result);
                    if (chunk.size() == CHUNK) {
                        putUninterruptibly(chunks, List.copyOf(chunk));
                        chunk.clear();
                    }
                });
            } catch (StoppedException e) {
                return;
            } catch (Exception e) {
                failure.set(e);
            }
            if (!chunk.isEmpty() && failure.get() == null) {
                chunks.put(List.copyOf(chunk));
            }
            chunks.put(List.of());
        } catch (InterruptedException e) {
            // The publishing side stopped early and no longer reads the queue.
            Thread.currentThread().interrupt();
        }
    }

    private static <E> void putUninterruptibly(BlockingQueue<E> queue, E element) {
        try {
            queue.put(element);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoppedException();
        }
    }

    /** Unwinds the reader when the publishing side has stopped. */
    private static final class StoppedException extends RuntimeException {
        StoppedException() {
            super("publication stopped", null, false, false);
        }
    }
}
