package com.cmobile.ecosystem.app.http;

import com.cmobile.ecosystem.app.query.PeerSecret;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The bearer tokens of {@code API_TOKENS_FILE}, kept as SHA-256 hashes with their scopes. One token
 * per line, {@code <name> sha256:<64 hex digits> <scope>[,<scope>]}; blank lines and lines starting
 * with {@code #} are ignored. The name is for people and logs only.
 *
 * <p>A plain SHA-256 is enough because tokens are random strings of 256 bits ({@link NewApiToken}):
 * nobody can guess one from its hash by trying likely values, which is what a slow password hash
 * defends against. Presented tokens are compared by hash with every entry, in constant time.
 */
public final class ApiTokens {

    static final String HASH_PREFIX = "sha256:";

    /** One line of the file: its name, the SHA-256 of the token, and its scopes. */
    record Entry(String name, byte[] hash, Set<Scope> scopes) {
    }

    /** The token that a request presented, as it was found in the file. */
    public record Holder(String name, Set<Scope> scopes) {
    }

    private final List<Entry> entries;

    private ApiTokens(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * Reads the file.
     *
     * @throws IllegalArgumentException naming the file and line of the first bad line (never its content,
     *                                  which may be a token pasted by mistake)
     */
    public static ApiTokens load(Path file) {
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8), "API_TOKENS_FILE " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read API_TOKENS_FILE " + file, e);
        }
    }

    /** @param source what to call the lines in errors, e.g. {@code API_TOKENS_FILE /etc/tokens} */
    static ApiTokens parse(List<String> lines, String source) {
        List<Entry> entries = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> hashes = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = source + " line " + (i + 1) + ": ";
            String[] fields = line.split("\\s+");
            if (fields.length != 3) {
                throw new IllegalArgumentException(where + "expected '<name> sha256:<64 hex digits> <scopes>', found "
                        + fields.length + " field(s)");
            }
            String name = fields[0];
            if (!names.add(name)) {
                throw new IllegalArgumentException(where + "the name '" + name + "' is used twice");
            }
            String hex = fields[1].toLowerCase(Locale.ROOT);
            if (!hex.startsWith(HASH_PREFIX) || !hex.substring(HASH_PREFIX.length()).matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException(where + "the second field must be 'sha256:' and 64 hex digits "
                        + "(the SHA-256 of the token, never the token itself)");
            }
            if (!hashes.add(hex)) {
                throw new IllegalArgumentException(where + "the same token hash appears twice");
            }
            entries.add(new Entry(name, HexFormat.of().parseHex(hex.substring(HASH_PREFIX.length())),
                    scopes(fields[2], where)));
        }
        return new ApiTokens(entries);
    }

    private static Set<Scope> scopes(String field, String where) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String label : field.split(",", -1)) {
            scopes.add(Scope.parse(label).orElseThrow(() -> new IllegalArgumentException(where + "unknown scope '"
                    + label + "'; known: read, metrics (several separated by commas, no blanks)")));
        }
        return scopes;
    }

    /**
     * The holder of {@code token}, if it is one of the file's. Compares its hash with every entry,
     * without stopping at the first match, so the time taken says nothing about the file.
     */
    public Optional<Holder> holderOf(String token) {
        byte[] presented = PeerSecret.sha256(token);
        Entry found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.hash(), presented) && found == null) {
                found = entry;
            }
        }
        return Optional.ofNullable(found).map(e -> new Holder(e.name(), e.scopes()));
    }

    /** How many tokens the file lists. */
    public int size() {
        return entries.size();
    }

    /** The line of the tokens file for {@code token}. */
    public static String line(String name, String token, Set<Scope> scopes) {
        if (name.isBlank() || name.chars().anyMatch(Character::isWhitespace) || name.startsWith("#")) {
            throw new IllegalArgumentException("a token name is one word, not starting with '#': '" + name + "'");
        }
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("a token needs at least one scope: read, metrics");
        }
        return name + " " + HASH_PREFIX + HexFormat.of().formatHex(PeerSecret.sha256(token)) + " "
                + String.join(",", scopes.stream().sorted().map(Scope::label).toList());
    }
}
