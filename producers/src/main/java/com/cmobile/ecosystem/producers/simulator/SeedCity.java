package com.cmobile.ecosystem.producers.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A real city of the seed scenario, read from the bundled {@code seed-cities.csv}.
 *
 * @param country ISO 3166-1 alpha-2 code
 * @param city name in English usage
 * @param tier 1 global hub, 2 regional hub, 3 other city
 * @param office whether a CMobile International business location is based here
 */
public record SeedCity(String country, String city, int tier, boolean office) {

    static final String RESOURCE = "seed-cities.csv";

    /** Name of the business location based in this city. */
    public String officeName() {
        return "CMobile International \u2014 " + city;
    }

    /** Every city of the bundled file, in file order. */
    public static List<SeedCity> bundled() {
        try (InputStream in = SeedCity.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " missing from the classpath");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static List<SeedCity> parse(BufferedReader reader) throws IOException {
        var cities = new ArrayList<SeedCity>();
        boolean header = true;
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            // The file is ours and holds no quoted commas: a plain split is enough.
            String[] cells = line.split(",", -1);
            if (cells.length != 4) {
                throw new IllegalStateException(RESOURCE + " line " + lineNumber + ": expected 4 columns: " + line);
            }
            cities.add(new SeedCity(cells[0], cells[1], Integer.parseInt(cells[2]), "Y".equals(cells[3])));
        }
        return List.copyOf(cities);
    }
}
