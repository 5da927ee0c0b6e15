package com.cmobile.ecosystem.testkit.broker;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run an {@link EmbeddedKafkaBroker}.
 *
 * @param port             client (PLAINTEXT) port on 127.0.0.1; {@code 0} picks a free port
 * @param dataDirectory    where logs and KRaft metadata live; empty means a fresh temporary
 *                         directory that is deleted on close. A given directory is kept, and a
 *                         restart on it reuses its storage, cluster id and topics.
 * @param brokerOverrides  extra broker properties, applied last (they win over the defaults)
 * @param security         empty: a PLAINTEXT listener anyone may use; present: the secure mode
 *                         ({@code SASL_SSL}, SCRAM users, ACLs), see {@link BrokerSecurity}
 */
public record BrokerSettings(int port, Optional<Path> dataDirectory, Map<String, String> brokerOverrides,
                             Optional<BrokerSecurity> security) {

    public BrokerSettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("Broker port must be 0 (random) or 1..65535, was " + port);
        }
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        brokerOverrides = Map.copyOf(Objects.requireNonNull(brokerOverrides, "brokerOverrides"));
        Objects.requireNonNull(security, "security");
    }

    /** A PLAINTEXT broker. */
    public BrokerSettings(int port, Optional<Path> dataDirectory, Map<String, String> brokerOverrides) {
        this(port, dataDirectory, brokerOverrides, Optional.empty());
    }

    /** Random free port, temporary data directory, no overrides: what tests want. */
    public static BrokerSettings defaults() {
        return new BrokerSettings(0, Optional.empty(), Map.of());
    }

    public BrokerSettings withPort(int newPort) {
        return new BrokerSettings(newPort, dataDirectory, brokerOverrides, security);
    }

    /** Keeps the data in {@code directory}, so topics, offsets and schemas survive a restart. */
    public BrokerSettings withDataDirectory(Path directory) {
        return new BrokerSettings(port, Optional.of(directory), brokerOverrides, security);
    }

    public BrokerSettings withBrokerProperty(String key, String value) {
        var merged = new LinkedHashMap<>(brokerOverrides);
        merged.put(key, value);
        return new BrokerSettings(port, dataDirectory, merged, security);
    }

    /** The secure mode: {@code SASL_SSL} with SCRAM-SHA-512 for clients, ACLs, see {@link BrokerSecurity}. */
    public BrokerSettings withSecurity(BrokerSecurity brokerSecurity) {
        return new BrokerSettings(port, dataDirectory, brokerOverrides, Optional.of(brokerSecurity));
    }
}
