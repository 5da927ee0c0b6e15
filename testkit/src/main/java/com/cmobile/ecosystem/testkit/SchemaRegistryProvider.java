package com.cmobile.ecosystem.testkit;

/**
 * A schema registry that {@link EmbeddedKafka} starts beside its broker. Found with
 * {@link java.util.ServiceLoader}: a module's test class path names one implementation in
 * {@code META-INF/services/com.cmobile.ecosystem.testkit.SchemaRegistryProvider}. The registry
 * module's test-jar brings one that starts the real server; the kit itself has none, so it depends
 * on neither the registry nor the event contract.
 */
public interface SchemaRegistryProvider {

    /**
     * Starts a registry on a free port.
     *
     * @param bootstrapServers the embedded broker, for a registry that keeps its state in Kafka
     * @return the running registry, which the kit closes after its broker's clients
     */
    Running start(String bootstrapServers);

    /** A started registry. */
    interface Running extends AutoCloseable {

        /** For {@code schema.registry.url}. */
        String url();

        @Override
        void close();

        /** A registry at {@code url} that {@code close} stops. */
        static Running of(String url, Runnable close) {
            return new Running() {
                @Override
                public String url() {
                    return url;
                }

                @Override
                public void close() {
                    close.run();
                }
            };
        }
    }
}
