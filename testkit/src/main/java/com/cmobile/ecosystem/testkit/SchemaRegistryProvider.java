package com.cmobile.ecosystem.testkit;

import java.util.Map;

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

    /**
     * Starts a registry whose Kafka clients connect with {@code securityProperties}
     * ({@code security.protocol}, {@code sasl.*}, {@code ssl.*}) to a secure broker. A provider that
     * cannot refuses them rather than connecting without them.
     */
    default Running start(String bootstrapServers, Map<String, Object> securityProperties) {
        if (!securityProperties.isEmpty()) {
            throw new UnsupportedOperationException(getClass().getName() + " cannot connect to a secure broker");
        }
        return start(bootstrapServers);
    }

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
