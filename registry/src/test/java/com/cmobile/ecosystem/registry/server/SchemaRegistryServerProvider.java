package com.cmobile.ecosystem.registry.server;

import com.cmobile.ecosystem.testkit.SchemaRegistryProvider;

/**
 * The registry testkit's {@code EmbeddedKafka} starts for the ITs of every module with this test jar
 * on its class path: the real server, on a free port, over {@code _schemas}. Named in
 * {@code META-INF/services/com.cmobile.ecosystem.testkit.SchemaRegistryProvider}.
 */
public final class SchemaRegistryServerProvider implements SchemaRegistryProvider {

    @Override
    public Running start(String bootstrapServers) {
        SchemaRegistryServer server = SchemaRegistryServer.start(bootstrapServers, 0);
        return Running.of(server.url(), server::close);
    }
}
