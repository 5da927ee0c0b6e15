package com.cmobile.ecosystem.producers.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** A Kafka client properties file given with {@code --config}: read, or a one-sentence error. */
final class ClientConfigFile {

    private ClientConfigFile() {
    }

    /** Every property of {@code file}, by name (a mutable copy). */
    static Map<String, String> read(Path file) {
        var properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (NoSuchFileException e) {
            throw new FatalException("client config " + file + " does not exist");
        } catch (IOException e) {
            throw new FatalException("cannot read client config " + file + ": " + e.getMessage());
        }
        var values = new TreeMap<String, String>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name).strip()));
        return values;
    }
}
