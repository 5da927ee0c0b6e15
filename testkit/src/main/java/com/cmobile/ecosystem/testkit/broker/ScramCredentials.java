package com.cmobile.ecosystem.testkit.broker;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * SCRAM users whose passwords are kept in an owner-readable properties file ({@code name=password}),
 * so that a broker restarted on the same data directory, whose users were written at format time,
 * is reached with the same passwords: generated on first use, read back afterwards.
 */
public final class ScramCredentials {

    private ScramCredentials() {
    }

    /**
     * The users called {@code names}, in that order: those in {@code file} with their stored
     * password, the others with a new random one, added to the file.
     */
    public static List<ScramUser> loadOrCreate(Path file, List<String> names) {
        Map<String, String> stored = read(file);
        boolean added = false;
        var users = new ArrayList<ScramUser>();
        for (String name : names) {
            String password = stored.get(name);
            ScramUser user = password == null ? ScramUser.withRandomPassword(name) : new ScramUser(name, password);
            if (password == null) {
                stored.put(name, user.password());
                added = true;
            }
            users.add(user);
        }
        if (added) {
            write(file, stored);
        }
        return List.copyOf(users);
    }

    private static Map<String, String> read(Path file) {
        var stored = new TreeMap<String, String>();
        if (!Files.exists(file)) {
            return stored;
        }
        var properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read SCRAM credentials " + file, e);
        }
        properties.stringPropertyNames().forEach(name -> stored.put(name, properties.getProperty(name)));
        return stored;
    }

    private static void write(Path file, Map<String, String> stored) {
        var text = new StringBuilder("# SCRAM-SHA-512 users of the embedded broker (name=password): keep this file secret\n");
        stored.forEach((name, password) -> text.append(name).append('=').append(password).append('\n'));
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            TlsMaterial.writeOwnerOnly(file, text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write SCRAM credentials " + file, e);
        }
    }
}
