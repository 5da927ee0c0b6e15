package com.cmobile.ecosystem.registry.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The users of a registry with basic auth, read from a users file: one user per line,
 * {@code <name>:<role>:<password hash>}, where the role is {@code read} or {@code write} and the
 * hash is what {@link RegistryUsersTool} ({@code hash-password}) prints. Blank lines and lines
 * starting with {@code #} are ignored. No password is stored in plain text.
 *
 * <p>A file with any bad line is refused as a whole, naming every bad line by number: a server
 * that silently skipped a line would start with a user missing or, worse, with the role an
 * operator meant to take away.
 *
 * <p>Verifying a password costs one PBKDF2 derivation (hundreds of milliseconds, on purpose). A
 * verified name and password are remembered for the life of the process under an HMAC keyed with
 * a random per-process key, so clients sending the same credentials on every request pay it once.
 */
public final class RegistryUsers {

    /** What a user may do. */
    public enum Role {
        /** GET schemas, subjects, versions and config; look a schema up; test compatibility. */
        READ,
        /** Everything {@link #READ} may, and register schemas and change compatibility. */
        WRITE;

        boolean permits(Role needed) {
            return this == WRITE || needed == READ;
        }

        static Optional<Role> parse(String text) {
            return switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "read" -> Optional.of(READ);
                case "write" -> Optional.of(WRITE);
                default -> Optional.empty();
            };
        }

        String text() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private record User(Role role, PasswordHash password) {
    }

    /** Bounds the memory of remembered credentials; past it they are forgotten and verified again. */
    private static final int MAX_REMEMBERED = 10_000;

    private final Map<String, User> users;
    /** Compared against when the name is unknown, so an unknown name takes as long as a wrong password. */
    private final PasswordHash decoy;
    private final byte[] rememberKey = new byte[32];
    private final Map<String, Role> remembered = new ConcurrentHashMap<>();

    private RegistryUsers(Map<String, User> users) {
        this.users = Map.copyOf(users);
        int iterations = users.values().stream().mapToInt(user -> user.password().iterations()).max()
                .orElse(PasswordHash.DEFAULT_ITERATIONS);
        this.decoy = PasswordHash.create("decoy".toCharArray(), iterations);
        new SecureRandom().nextBytes(rememberKey);
    }

    /**
     * Reads a users file.
     *
     * @throws IllegalArgumentException naming the file and every bad line by number (never its password hash),
     *                                  or saying that the file holds no user
     * @throws UncheckedIOException     when the file cannot be read
     */
    public static RegistryUsers load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the registry users file " + file + ": " + e.getMessage(), e);
        }
        try {
            return parse(lines);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Registry users file " + file + ": " + e.getMessage(), e);
        }
    }

    /** As {@link #load}, from the file's lines. */
    static RegistryUsers parse(List<String> lines) {
        var users = new LinkedHashMap<String, User>();
        var problems = new ArrayList<String>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split(":", 3);
            int number = i + 1;
            if (fields.length != 3) {
                problems.add("line " + number + ": expected <name>:<role>:<password hash>");
                continue;
            }
            String name = fields[0].strip();
            if (name.isEmpty()) {
                problems.add("line " + number + ": the user name is empty");
                continue;
            }
            Optional<Role> role = Role.parse(fields[1]);
            if (role.isEmpty()) {
                problems.add("line " + number + ": user '" + name + "' has role '" + fields[1].strip()
                        + "'; the roles are read and write");
                continue;
            }
            PasswordHash password;
            try {
                password = PasswordHash.parse(fields[2].strip());
            } catch (IllegalArgumentException e) {
                problems.add("line " + number + ": user '" + name + "': " + e.getMessage());
                continue;
            }
            if (users.putIfAbsent(name, new User(role.get(), password)) != null) {
                problems.add("line " + number + ": user '" + name + "' is listed twice");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        if (users.isEmpty()) {
            throw new IllegalArgumentException("no user is listed, so nobody could use the registry");
        }
        return new RegistryUsers(users);
    }

    /**
     * A users-file line for {@code name} with {@code role}, its password hashed with a fresh salt and
     * the default iteration count: what {@code hash-password} prints, for code that writes a users
     * file itself (a launcher generating its users at first start).
     *
     * @throws IllegalArgumentException when the name cannot travel in basic auth (empty, a colon, surrounding spaces)
     */
    public static String line(String name, Role role, char[] password) {
        return line(name, role, password, PasswordHash.DEFAULT_ITERATIONS);
    }

    /** As {@link #line(String, Role, char[])}, with {@code iterations} (tests use the floor, to stay fast). */
    static String line(String name, Role role, char[] password, int iterations) {
        if (name.isEmpty() || name.contains(":") || !name.strip().equals(name)) {
            throw new IllegalArgumentException("a user name must be non-empty, without ':' or surrounding spaces");
        }
        return name + ":" + role.text() + ":" + PasswordHash.create(password, iterations).encoded();
    }

    /** The names listed, for logs. */
    public List<String> names() {
        return users.keySet().stream().sorted().toList();
    }

    /** The role of the user, when {@code name} and {@code password} are right. */
    Optional<Role> authenticate(String name, String password) {
        String key = rememberKey(name, password);
        Role known = remembered.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        User user = users.get(name);
        char[] chars = password.toCharArray();
        if (user == null) {
            decoy.matches(chars);
            return Optional.empty();
        }
        if (!user.password().matches(chars)) {
            return Optional.empty();
        }
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.clear();
        }
        remembered.put(key, user.role());
        return Optional.of(user.role());
    }

    private String rememberKey(String name, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(rememberKey, "HmacSHA256"));
            byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
            // Length first, so that no other split of the same bytes into name and password gives the same key.
            mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(nameBytes.length).array());
            mac.update(nameBytes);
            return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    @Override
    public String toString() {
        return "RegistryUsers" + names();
    }
}
