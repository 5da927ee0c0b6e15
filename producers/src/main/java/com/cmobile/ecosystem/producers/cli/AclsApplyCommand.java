package com.cmobile.ecosystem.producers.cli;

import com.cmobile.ecosystem.events.Topics;
import com.cmobile.ecosystem.kafka.KafkaClientSecurity;
import com.cmobile.ecosystem.producers.PublisherConfig;
import com.cmobile.ecosystem.producers.acl.AclPrincipals;
import com.cmobile.ecosystem.producers.acl.EcosystemAcls;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.acl.AclBinding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code acls apply}: creates the ACLs {@link EcosystemAcls} describes with Kafka's Admin API
 * ({@code createAcls}), as an administrator; {@code --dry-run} prints them and contacts nothing.
 */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Creates the pipeline's ACLs (idempotent: existing ones are kept, none removed). "
                + "Connects with --config, whose principal must be allowed to alter ACLs.")
final class AclsApplyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private AclsCommand parent;

    @Option(names = "--app-principal", paramLabel = "User:NAME", description = "The streams app's principal.")
    private Optional<String> application = Optional.empty();

    @Option(names = "--partner-principal", paramLabel = "User:NAME",
            description = "A partner system's principal (repeatable): may write pop-capacity and partner-onboarding, nothing else.")
    private List<String> partners = List.of();

    @Option(names = "--operator-principal", paramLabel = "User:NAME", description = "Who reads the dead-letter topics.")
    private Optional<String> operator = Optional.empty();

    @Option(names = "--registry-principal", paramLabel = "User:NAME", description = "The schema registry server's principal.")
    private Optional<String> registry = Optional.empty();

    @Option(names = "--application-id", paramLabel = "ID", defaultValue = "ecosystem-aggregates",
            description = "The app's APPLICATION_ID: prefix of its internal topics, group and transactional ids (default: ${DEFAULT-VALUE}).")
    private String applicationId;

    @Option(names = "--operator-group-prefix", paramLabel = "PREFIX", defaultValue = "ecosystem-operator",
            description = "Prefix of the consumer groups the operator may read the DLQs with (default: ${DEFAULT-VALUE}).")
    private String operatorGroupPrefix;

    @Option(names = "--schemas-topic", paramLabel = "TOPIC", defaultValue = Topics.SCHEMAS,
            description = "The registry's topic (default: ${DEFAULT-VALUE}).")
    private String schemasTopic;

    @Option(names = "--dry-run", description = "Print the ACLs, create nothing, contact nothing.")
    private boolean dryRun;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
            description = "Kafka brokers (default: bootstrap.servers of --config, else $" + PublisherConfig.ENV_BOOTSTRAP_SERVERS
                    + ", else " + PublisherConfig.DEFAULT_BOOTSTRAP_SERVERS + ").")
    private Optional<String> bootstrapServers = Optional.empty();

    @Option(names = "--config", paramLabel = "FILE",
            description = "Admin client properties: bootstrap.servers, security.protocol, sasl.*, ssl.* of an administrator.")
    private Optional<Path> config = Optional.empty();

    @Option(names = "--timeout", paramLabel = "D", defaultValue = "30s", converter = DurationConverter.class,
            description = "How long to wait for Kafka (default: ${DEFAULT-VALUE}).")
    private Duration timeout;

    @Override
    public Integer call() {
        var principals = new AclPrincipals(application, partners, operator, registry, applicationId, operatorGroupPrefix,
                withSchemasTopic(schemasTopic));
        List<AclBinding> bindings = EcosystemAcls.of(principals);
        if (bindings.isEmpty()) {
            throw new FatalException("no principal given: name at least one of --app-principal, --partner-principal, "
                    + "--operator-principal, --registry-principal");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (dryRun) {
            bindings.forEach(binding -> out.println(EcosystemAcls.describe(binding)));
            out.println(bindings.size() + " ACLs (dry run: nothing created)");
            out.flush();
            return ProducersCli.OK;
        }
        try (Admin admin = Admin.create(adminProperties())) {
            EcosystemAcls.apply(admin, principals, timeout)
                    .forEach(binding -> out.println(EcosystemAcls.describe(binding)));
        } catch (IllegalStateException e) {
            throw new FatalException(e.getMessage());
        }
        out.println(bindings.size() + " ACLs in place (existing ones kept)");
        out.flush();
        return ProducersCli.OK;
    }

    private Map<String, Object> adminProperties() {
        Map<String, String> env = ((ProducersCli) spec.root().userObject()).env();
        var properties = new HashMap<String, Object>();
        String servers = env.getOrDefault(PublisherConfig.ENV_BOOTSTRAP_SERVERS, PublisherConfig.DEFAULT_BOOTSTRAP_SERVERS);
        if (config.isPresent()) {
            var file = ClientConfigFile.read(config.get());
            servers = file.getOrDefault(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
            file.remove(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
            properties.putAll(KafkaClientSecurity.of(file).properties());
        }
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers.orElse(servers));
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 30_000));
        return properties;
    }

    private static AclPrincipals.TopicNames withSchemasTopic(String schemasTopic) {
        var defaults = AclPrincipals.TopicNames.defaults();
        return new AclPrincipals.TopicNames(defaults.popCapacity(), defaults.partnerOnboarding(), defaults.popCapacityDlq(),
                defaults.partnerOnboardingDlq(), schemasTopic);
    }
}
