package com.cmobile.ecosystem.local.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The deployment files, read from the repository root: found by walking up from the working
 * directory (the module directory under Maven, the repository root in an IDE).
 */
final class RepoFiles {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private RepoFiles() {
    }

    static Path root() {
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("docker-compose.yml")) && Files.exists(dir.resolve("local-run/pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root (with docker-compose.yml) above " + System.getProperty("user.dir"));
    }

    static Path file(String relative) {
        return root().resolve(relative);
    }

    static JsonNode yaml(String relative) {
        return read(YAML, relative);
    }

    static JsonNode json(String relative) {
        return read(JSON, relative);
    }

    static String text(String relative) {
        try {
            return Files.readString(file(relative));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + relative, e);
        }
    }

    static JsonNode compose() {
        return yaml("docker-compose.yml");
    }

    private static JsonNode read(ObjectMapper mapper, String relative) {
        try {
            return mapper.readTree(file(relative).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + relative, e);
        }
    }
}
