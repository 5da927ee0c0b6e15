package com.cmobile.ecosystem.registry;

import java.util.Map;

/**
 * Creates the {@link SchemaRegistryClient} for a {@code schema.registry.url}: a
 * {@link MockSchemaRegistry} for {@code mock://<scope>}, otherwise a {@link RestSchemaRegistryClient}.
 */
public final class SchemaRegistryClients {

    /** URL prefix of the shared in-memory registries for tests. */
    public static final String MOCK_PREFIX = "mock://";

    private SchemaRegistryClients() {
    }

    /**
     * @param urls   comma-separated base URLs, or {@code mock://<scope>}
     * @param config further client properties (basic auth, timeouts), Confluent's names
     * @return a client; the caller closes it
     * @throws IllegalArgumentException when the URLs or properties are malformed
     */
    public static SchemaRegistryClient create(String urls, Map<String, ?> config) {
        if (urls == null || urls.isBlank()) {
            throw new IllegalArgumentException(RegistrySettings.URL + " is missing");
        }
        String first = urls.split(",")[0].strip();
        if (first.startsWith(MOCK_PREFIX)) {
            String scope = first.substring(MOCK_PREFIX.length());
            if (scope.isEmpty()) {
                throw new IllegalArgumentException("mock:// needs a scope, for example mock://my-test");
            }
            return MockSchemaRegistry.forScope(scope);
        }
        return new RestSchemaRegistryClient(RegistrySettings.from(urls, config));
    }
}
