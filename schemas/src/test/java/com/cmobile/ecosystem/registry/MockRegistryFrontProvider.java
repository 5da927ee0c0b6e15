package com.cmobile.ecosystem.registry;

import com.cmobile.ecosystem.testkit.SchemaRegistryProvider;

/**
 * The registry testkit's {@code EmbeddedKafka} starts for this module's ITs: a
 * {@link MockRegistryFront}, which keeps its schemas in memory rather than on the broker. Named in
 * {@code META-INF/services/com.cmobile.ecosystem.testkit.SchemaRegistryProvider}.
 */
public final class MockRegistryFrontProvider implements SchemaRegistryProvider {

    @Override
    public Running start(String bootstrapServers) {
        MockRegistryFront front = MockRegistryFront.start();
        return Running.of(front.url(), front::close);
    }
}
