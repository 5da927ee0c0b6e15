package com.cmobile.ecosystem.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where a local run keeps its data, so that a second start resumes it: the broker's log
 * directory ({@code kafka/}), the Kafka Streams state ({@code streams/}) and the marker saying the
 * seed scenario was published ({@code seed-published}); with {@code --secure} also its credentials
 * ({@code secure/}).
 *
 * @param root the directory given with {@code --data-dir}, made absolute
 */
record DataDirectory(Path root) {

    static final String SEED_MARKER = "seed-published";

    DataDirectory {
        root = root.toAbsolutePath().normalize();
    }

    Path kafka() {
        return root.resolve("kafka");
    }

    Path streamsState() {
        return root.resolve("streams");
    }

    /**
     * What {@code --secure} generates and reuses ({@link SecureDirectory}); beside {@code kafka/},
     * never in it, and kept by {@code --fresh}: the credentials handed out stay valid.
     */
    Path secure() {
        return root.resolve("secure");
    }

    Path seedMarker() {
        return root.resolve(SEED_MARKER);
    }

    /** True when an earlier run left broker data here. */
    boolean hasBrokerData() {
        return Files.exists(kafka().resolve("meta.properties"));
    }

    void create() {
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + root, e);
        }
    }

    /**
     * Deletes what a local run keeps here, and nothing else: {@code --fresh} on a directory that
     * also holds the user's own files must not take them with it.
     */
    void wipe() {
        for (Path owned : List.of(kafka(), streamsState(), seedMarker())) {
            deleteRecursively(owned);
        }
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path + " for --fresh", e);
        }
    }
}
