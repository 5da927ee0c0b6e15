package com.cmobile.ecosystem.app;

import com.cmobile.ecosystem.app.config.AppConfig;

/**
 * Runs one instance of the streams application with configuration from the environment (see
 * {@link AppConfig}), until SIGTERM, on which it shuts down within a bounded time: when Kafka Streams
 * does not close in time, the process ends with status 1 (after the thread dump {@link EcosystemApp#stop()}
 * logs) instead of waiting on a stuck thread.
 */
public final class App {

    private App() {
    }

    public static void main(String[] args) {
        EcosystemApp app = EcosystemApp.start(AppConfig.fromEnvironment());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!app.stop()) {
                // System.exit would wait for this very hook; halt ends the process with the status.
                Runtime.getRuntime().halt(1);
            }
        }, "ecosystem-shutdown"));
    }
}
