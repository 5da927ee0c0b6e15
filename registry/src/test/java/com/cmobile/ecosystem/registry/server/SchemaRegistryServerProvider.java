package com.cmobile.ecosystem.registry.server;

import java.util.Map;
import java.util.TreeMap;

import com.cmobile.ecosystem.kafka.KafkaClientSecurity;
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

    @Override
    public Running start(String bootstrapServers, Map<String, Object> securityProperties) {
        var settings = new TreeMap<String, String>();
        securityProperties.forEach((key, value) -> settings.put(key, String.valueOf(value)));
        SchemaRegistryServer server = SchemaRegistryServer.start(bootstrapServers, KafkaClientSecurity.of(settings), 0,
                SchemaRegistryServer.DEFAULT_TOPIC);
        return Running.of(server.url(), server::close);
    }
}
