package com.cmobile.ecosystem.geo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The officially assigned ISO 3166-1 alpha-2 country codes, their English short names and their
 * UN M49 continental {@link Region}.
 *
 * <p>Backed by the bundled resource {@code countries.tsv} next to this class, whose header cites
 * its sources. Lookups are exact: codes are two upper-case letters, so {@code "gb"} and
 * {@code " GB"} are not assigned codes. User-assigned codes such as {@code XK} are not assigned.
 */
public final class Countries {

    private static final String RESOURCE = "countries.tsv";

    /** Code -> entry, sorted so that {@link #codes()} iterates alphabetically. */
    private static final Map<String, Entry> BY_CODE = load();

    private record Entry(Region region, String name) {
    }

    private Countries() {
    }

    /**
     * Whether the code is an officially assigned ISO 3166-1 alpha-2 code.
     *
     * @param alpha2 two upper-case letters, for example {@code "CN"}
     * @return false for null, lower-case, padded, unknown or user-assigned codes
     */
    public static boolean isAssigned(String alpha2) {
        return alpha2 != null && BY_CODE.containsKey(alpha2);
    }

    /**
     * The M49 continental region of a country.
     *
     * @param alpha2 an assigned code
     * @return the region, or empty when the code is not assigned
     */
    public static Optional<Region> regionOf(String alpha2) {
        return entry(alpha2).map(Entry::region);
    }

    /**
     * The English short name of a country, as ISO 3166-1 writes it.
     *
     * @param alpha2 an assigned code
     * @return the name, or empty when the code is not assigned
     */
    public static Optional<String> nameOf(String alpha2) {
        return entry(alpha2).map(Entry::name);
    }

    /**
     * All assigned codes.
     *
     * @return an unmodifiable set, iterating in alphabetical order
     */
    public static Set<String> codes() {
        return BY_CODE.keySet();
    }

    private static Optional<Entry> entry(String alpha2) {
        return alpha2 == null ? Optional.empty() : Optional.ofNullable(BY_CODE.get(alpha2));
    }

    private static Map<String, Entry> load() {
        try (InputStream in = Countries.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing next to " + Countries.class.getName());
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static Map<String, Entry> parse(BufferedReader reader) throws IOException {
        Map<String, Entry> byCode = new TreeMap<>();
        String line;
        int lineNumber = 0;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t", -1);
            String where = RESOURCE + " line " + lineNumber;
            if (columns.length != 3 || !columns[0].matches("[A-Z]{2}") || columns[2].isBlank()) {
                // A broken data file must stop the application, never silently drop countries.
                throw new IllegalStateException(where + " is malformed: '" + line + "'");
            }
            Region region = Region.fromName(columns[1]).orElseThrow(() -> new IllegalStateException(
                    where + " has an unknown region: '" + columns[1] + "'"));
            if (byCode.put(columns[0], new Entry(region, columns[2])) != null) {
                throw new IllegalStateException(where + " repeats code " + columns[0]);
            }
        }
        return Collections.unmodifiableMap(byCode);
    }
}
