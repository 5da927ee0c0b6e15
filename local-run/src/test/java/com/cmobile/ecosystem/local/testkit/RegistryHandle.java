package com.cmobile.ecosystem.local.testkit;

/** The schema registry the test kit hands out; an interim in-memory one until the server lands. */
record RegistryHandle(String url) implements AutoCloseable {

    static RegistryHandle start(String bootstrapServers) {
        return new RegistryHandle("mock://embedded-kafka");
    }

    @Override
    public void close() {
    }
}
