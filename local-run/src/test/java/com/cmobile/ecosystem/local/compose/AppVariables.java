package com.cmobile.ecosystem.local.compose;

import com.cmobile.ecosystem.app.config.AppConfig;
import java.util.AbstractMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The environment variables the streams app reads, learnt from {@link AppConfig} itself: the
 * names it asks a map for while building its configuration. No list to keep in step by hand.
 */
final class AppVariables {

    private AppVariables() {
    }

    static Set<String> read() {
        var asked = new TreeSet<String>();
        Map<String, String> recording = new AbstractMap<>() {
            @Override
            public String get(Object key) {
                asked.add((String) key);
                return null;
            }

            @Override
            public Set<Entry<String, String>> entrySet() {
                return Set.of();
            }
        };
        AppConfig.from(recording);
        // AppConfig also tries the dotted lower-case spelling of each name; the environment uses the other.
        asked.removeIf(name -> !name.equals(name.toUpperCase(Locale.ROOT)));
        return asked;
    }
}
