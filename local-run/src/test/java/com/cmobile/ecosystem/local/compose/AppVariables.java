package com.cmobile.ecosystem.local.compose;

import com.cmobile.ecosystem.app.config.AppConfig;
import java.util.Set;
import java.util.TreeSet;

/**
 * The environment variables the streams app reads: the settings {@link AppConfig} declares. No
 * list to keep in step by hand.
 */
final class AppVariables {

    private AppVariables() {
    }

    static Set<String> read() {
        return new TreeSet<>(AppConfig.settings().names());
    }
}
