package com.cmobile.ecosystem.testkit;

import com.cmobile.ecosystem.registry.server.SchemaRegistryServer;

/** The schema registry the test kit hands out: the real server, on a free port, over {@code _schemas}. */
record RegistryHandle(SchemaRegistryServer server) implements AutoCloseable {

    static RegistryHandle start(String bootstrapServers) {
        return new RegistryHandle(SchemaRegistryServer.start(bootstrapServers, 0));
    }

    String url() {
        return server.url();
    }

    @Override
    public void close() {
        server.close();
    }
}
