package com.cmobile.ecosystem.producers.cli;

import com.cmobile.ecosystem.producers.PublisherConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import picocli.CommandLine.Option;

/**
 * Where Kafka and the registry are: options override environment variables, which override defaults.
 * The help names the variables and defaults {@link PublisherConfig} declares, so it cannot drift from them.
 */
final class ConnectionOptions {

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
            description = "Kafka brokers (default: $" + PublisherConfig.ENV_BOOTSTRAP_SERVERS + ", else "
                    + PublisherConfig.DEFAULT_BOOTSTRAP_SERVERS + ").")
    private Optional<String> bootstrapServers = Optional.empty();

    @Option(names = "--schema-registry-url", paramLabel = "URL[,...]",
            description = "Schema registry (default: $" + PublisherConfig.ENV_SCHEMA_REGISTRY_URL + ", else "
                    + PublisherConfig.DEFAULT_SCHEMA_REGISTRY_URL + ").")
    private Optional<String> schemaRegistryUrl = Optional.empty();

    @Option(names = {"--config", "--client-config"}, paramLabel = "FILE",
            description = "Kafka client properties passed through to the producer and the registry client, "
                    + "e.g. bootstrap.servers, security.protocol, sasl.*, ssl.*, basic.auth.user.info "
                    + "(the generated partner-demo.properties of a secure local run).")
    private Optional<Path> clientConfig = Optional.empty();

    @Option(names = "--connect-timeout", paramLabel = "D", defaultValue = "10s", converter = DurationConverter.class,
            description = "How long to wait for Kafka before giving up (default: ${DEFAULT-VALUE}).")
    private Duration connectTimeout;

    Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * The configuration, once Kafka has answered within the connect timeout and holds {@code topics}.
     *
     * @throws FatalException when it has not, in one sentence (the CLI prints it and exits 1)
     */
    PublisherConfig checkedConfig(Map<String, String> env, Collection<String> topics) throws IOException {
        PublisherConfig config = config(env);
        ClusterCheck.verify(config, topics, connectTimeout);
        return config;
    }

    PublisherConfig config(Map<String, String> env) throws IOException {
        PublisherConfig config = PublisherConfig.fromEnvironment(env);
        if (clientConfig.isPresent()) {
            var properties = new Properties();
            try (Reader in = Files.newBufferedReader(clientConfig.get(), StandardCharsets.UTF_8)) {
                properties.load(in);
            }
            var extra = new TreeMap<String, String>();
            properties.stringPropertyNames().forEach(name -> extra.put(name, properties.getProperty(name)));
            String servers = extra.remove("bootstrap.servers");
            String registry = extra.remove("schema.registry.url");
            config = config.withClientProperties(extra);
            if (servers != null) {
                config = config.withBootstrapServers(servers);
            }
            if (registry != null) {
                config = config.withSchemaRegistryUrl(registry);
            }
        }
        if (bootstrapServers.isPresent()) {
            config = config.withBootstrapServers(bootstrapServers.get());
        }
        if (schemaRegistryUrl.isPresent()) {
            config = config.withSchemaRegistryUrl(schemaRegistryUrl.get());
        }
        return config;
    }
}
