package com.cmobile.ecosystem.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The experiment knobs both harnesses read from system properties: settings as
 * {@code KEY=VALUE,KEY2=VALUE2} ({@code -Dbench.appEnv}, {@code -Dchaos.appEnv},
 * {@code -Dchaos.brokerProps}) and JVM options as space-separated words ({@code -Dbench.appJvmArgs},
 * {@code -Dchaos.appJvmOptions}).
 */
public final class ExperimentOptions {

    private ExperimentOptions() {
    }

    /** {@code K=V,K2=V2} as a map, in order; blank gives an empty map, a pair without a key fails. */
    public static Map<String, String> keyValues(String spec) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : spec.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("expected KEY=VALUE pairs separated by commas, got '" + pair + "'");
            }
            values.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
        }
        return values;
    }

    /** The space-separated words of {@code spec}; blank gives none. */
    public static List<String> words(String spec) {
        String stripped = spec.strip();
        return stripped.isEmpty() ? List.of() : List.of(stripped.split("\\s+"));
    }
}
