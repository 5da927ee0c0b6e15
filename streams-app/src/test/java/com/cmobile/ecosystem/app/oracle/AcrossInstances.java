package com.cmobile.ecosystem.app.oracle;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The figures each instance answers only in part, for the keys whose active task it runs: the
 * business locations (internal route only) and the business gauges of {@code /metrics}. Read from
 * every instance and put together, they must equal the oracle's. Ask them of every instance of the
 * group, once it is stable; an instance caches its gauges for a few seconds, so ask until they agree.
 */
public final class AcrossInstances {

    static final String BUSINESS_LOCATIONS = "/internal/v1/stores/business-location-capacity-store/range";
    /** A business gauge in the Prometheus text format: name with its labels, and value. */
    private static final Pattern GAUGE = Pattern.compile("^(ecosystem_(?:capacity_mbps|active_pops|cities|"
            + "business_locations|region_capacity_mbps|program_members|program_partners|program_subscribers)"
            + "(?:\\{[^}]*})?) (\\S+)$");

    private AcrossInstances() {
    }

    /**
     * How the business locations and the business gauges of all {@code instances} together differ
     * from {@code expected}, one line each. The dead-letter counters are not compared: each process
     * counts its own, from zero at every start.
     */
    public static List<String> differences(NaiveAnswers expected, List<Function<String, HttpAnswer>> instances) {
        var differences = new ArrayList<>(businessLocationDifferences(expected.businessLocations(), instances));
        differences.addAll(gaugeDifferences(expected.businessGauges(), instances));
        return differences;
    }

    /**
     * Walks the internal range of {@code business-location-capacity-store} on each instance in pages of
     * {@link NaiveAnswers#LARGEST_PAGE}; a partition no instance could read is a difference.
     */
    static List<String> businessLocationDifferences(Expected expected, List<Function<String, HttpAnswer>> instances) {
        var differences = new ArrayList<String>();
        var read = new TreeMap<String, JsonNode>(NaiveAnswers.KEY_ORDER);
        var answered = new TreeSet<Integer>();
        var unreadable = new TreeMap<Integer, String>();
        for (var ask : instances) {
            String after = null;
            do {
                String route = BUSINESS_LOCATIONS + "?limit=" + NaiveAnswers.LARGEST_PAGE
                        + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8));
                HttpAnswer answer = ask.apply(route);
                if (answer.status() != 200 || answer.body() == null) {
                    differences.add(route + ": expected 200, app answered " + answer.status() + " " + answer.text());
                    break;
                }
                // A partition of which an instance has only a standby copy is unreadable there, and read elsewhere.
                answer.body().path("failures").forEach(failure -> unreadable.put(failure.path("partition").asInt(),
                        answer.body().path("servedBy").asText() + ": " + failure.path("reason").asText()));
                after = null;
                for (JsonNode slice : answer.body().path("slices")) {
                    answered.add(slice.path("partition").asInt());
                    JsonNode entries = slice.path("entries");
                    for (JsonNode entry : entries) {
                        JsonNode before = read.put(entry.path("key").asText(), entry.path("value"));
                        if (before != null && !before.equals(entry.path("value"))) {
                            differences.add(route + ": " + entry.path("key").asText() + " answered as " + before
                                    + " and as " + entry.path("value"));
                        }
                    }
                    if (slice.path("more").asBoolean() && !entries.isEmpty()) {
                        String last = entries.get(entries.size() - 1).path("key").asText();
                        after = after == null || NaiveAnswers.KEY_ORDER.compare(last, after) < 0 ? last : after;
                    }
                }
            } while (after != null);
        }
        unreadable.forEach((partition, why) -> {
            if (!answered.contains(partition)) {
                differences.add(BUSINESS_LOCATIONS + ": no instance could read partition " + partition + " (" + why + ")");
            }
        });
        ObjectNode actual = JsonNodeFactory.instance.objectNode();
        actual.putArray("entries").addAll(read.values());
        expected.compareBody(BUSINESS_LOCATIONS + ": ", actual, differences);
        return differences;
    }

    /** Sums each business gauge of {@code /metrics} over the instances. */
    static List<String> gaugeDifferences(Map<String, Long> expected, List<Function<String, HttpAnswer>> instances) {
        var differences = new ArrayList<String>();
        var summed = new TreeMap<String, Double>();
        for (var ask : instances) {
            HttpAnswer answer = ask.apply("/metrics");
            if (answer.status() != 200) {
                differences.add("/metrics: expected 200, app answered " + answer.status() + " " + answer.text());
                continue;
            }
            answer.text().lines().map(GAUGE::matcher).filter(Matcher::matches)
                    .forEach(line -> summed.merge(line.group(1), Double.parseDouble(line.group(2)), Double::sum));
        }
        expected.forEach((gauge, value) -> {
            Double sum = summed.get(gauge);
            if (sum == null || sum != value.doubleValue()) {
                String answered = sum == null ? "(absent)" : String.format(Locale.ROOT, "%.0f", sum);
                differences.add("/metrics: " + gauge + " expected " + value + ", the " + instances.size()
                        + " instance(s) answered " + answered + " in all");
            }
        });
        return differences;
    }
}
