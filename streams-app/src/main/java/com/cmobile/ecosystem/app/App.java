package com.cmobile.ecosystem.app;

import com.cmobile.ecosystem.app.config.AppConfig;

/**
 * Runs one instance of the streams application with configuration from the environment (see
 * {@link AppConfig}), until SIGTERM, on which it shuts down within a bounded time.
 */
public final class App {

    private App() {
    }

    public static void main(String[] args) {
        EcosystemApp app = EcosystemApp.start(AppConfig.fromEnvironment());
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "ecosystem-shutdown"));
    }
}
