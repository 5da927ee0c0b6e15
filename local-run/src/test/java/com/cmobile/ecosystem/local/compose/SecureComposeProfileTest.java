package com.cmobile.ecosystem.local.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.cmobile.ecosystem.producers.cli.ProducersCli;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The {@code secure} profile of docker-compose.yml, checked without a Docker engine: its services,
 * the broker's listeners and authorizer, each service's secrets volume, the commands the CLIs get,
 * and that no secret is written in the file. {@link SecureInitScriptTest} runs the script that
 * generates the secrets.
 */
class SecureComposeProfileTest {

    static final List<String> SECURE_SERVICES = List.of("secure-init", "kafka-secure", "acls-secure", "topics-secure",
            "schema-registry-secure", "app-secure-1", "app-secure-2", "producers-secure");
    static final List<String> SECURE_APPS = List.of("app-secure-1", "app-secure-2");

    private final JsonNode services = RepoFiles.compose().path("services");

    @Test
    void secureProfileHoldsTheSecuredPipelineAndThePlainOneStaysAsItIs() {
        var secure = new ArrayList<String>();
        services.properties().forEach(service -> {
            if (profiles(service.getValue()).contains("secure")) {
                secure.add(service.getKey());
            } else {
                assertThat(profiles(service.getValue())).as("profiles of %s", service.getKey()).isEmpty();
            }
        });
        assertThat(secure).containsExactlyInAnyOrderElementsOf(SECURE_SERVICES);
        assertThat(ComposeFileTest.environment("app-1")).doesNotContainKeys("API_TOKENS_FILE", "KAFKA_CLIENT_CONFIG_FILE");
    }

    @Test
    void secureAndPlainServicesNeverDependOnEachOther() {
        services.properties().forEach(service -> {
            boolean secure = SECURE_SERVICES.contains(service.getKey());
            service.getValue().path("depends_on").fieldNames().forEachRemaining(dependency ->
                    assertThat(SECURE_SERVICES.contains(dependency)).as("%s depends on %s", service.getKey(), dependency)
                            .isEqualTo(secure));
        });
    }

    @Test
    void everySecuredServiceWaitsForTheGeneratedCredentials() {
        assertThat(services.path("kafka-secure").path("depends_on").path("secure-init").path("condition").asText())
                .isEqualTo("service_completed_successfully");
        for (String app : SECURE_APPS) {
            JsonNode dependsOn = services.path(app).path("depends_on");
            assertThat(dependsOn.path("acls-secure").path("condition").asText()).isEqualTo("service_completed_successfully");
            assertThat(dependsOn.path("topics-secure").path("condition").asText()).isEqualTo("service_completed_successfully");
            assertThat(dependsOn.path("schema-registry-secure").path("condition").asText()).isEqualTo("service_healthy");
        }
        assertThat(services.path("schema-registry-secure").path("depends_on").path("acls-secure").path("condition").asText())
                .isEqualTo("service_completed_successfully");
    }

    @Test
    void brokerServesClientsOnlyOverSaslSslAndDeniesWhatNoAclAllows() {
        Map<String, String> env = ComposeFileTest.environment("kafka-secure");

        Map<String, String> protocols = pairs(env.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"));
        assertThat(protocols).doesNotContainValue("PLAINTEXT").containsEntry("CONTROLLER", "SASL_PLAINTEXT");
        for (String advertised : env.get("KAFKA_ADVERTISED_LISTENERS").split(",")) {
            assertThat(protocols.get(advertised.split(":")[0])).as(advertised).isEqualTo("SASL_SSL");
        }
        assertThat(env.get("KAFKA_LISTENERS")).contains("CONTROLLER://localhost:");
        assertThat(env).containsEntry("KAFKA_AUTHORIZER_CLASS_NAME", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .containsEntry("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "false")
                .containsEntry("KAFKA_SUPER_USERS", "User:admin")
                .containsEntry("KAFKA_SASL_MECHANISM_INTER_BROKER_PROTOCOL", "SCRAM-SHA-512")
                .containsEntry("KAFKA_OPTS", "-Djava.security.auth.login.config=/etc/kafka/secrets/kafka_server_jaas.conf");
        assertThat(env.get("KAFKA_SASL_ENABLED_MECHANISMS")).contains("SCRAM-SHA-512");
        assertThat(env.get("CLUSTER_ID")).isEqualTo(ComposeFileTest.environment("secure-init").get("CLUSTER_ID"));
    }

    @Test
    void eachServiceMountsOnlyItsOwnSecretsAndOnlyTheInitSeesTheCa() {
        Map<String, String> own = Map.of("kafka-secure", "secure-kafka", "topics-secure", "secure-kafka",
                "acls-secure", "secure-acls", "schema-registry-secure", "secure-registry", "app-secure-1", "secure-app",
                "app-secure-2", "secure-app", "producers-secure", "secure-partner");
        services.properties().forEach(service -> {
            List<String> secretVolumes = volumes(service.getValue()).stream()
                    .filter(volume -> volume.startsWith("secure-")).toList();
            if (service.getKey().equals("secure-init")) {
                assertThat(secretVolumes).hasSize(6);
            } else {
                assertThat(secretVolumes).as("secrets mounted by %s", service.getKey())
                        .containsExactlyElementsOf(own.containsKey(service.getKey()) ? List.of(own.get(service.getKey())) : List.of());
            }
        });
        for (String service : own.keySet()) {
            services.path(service).path("volumes").forEach(volume -> {
                if (volume.asText().startsWith("secure-")) {
                    assertThat(volume.asText()).as("%s mounts its secrets read-only", service).endsWith(":ro");
                }
            });
        }
    }

    @Test
    void appInstancesGetTokensPeerSecretKafkaSecurityAndOnlyVariablesTheAppReads() {
        Set<String> read = AppVariables.read();
        for (String app : SECURE_APPS) {
            Map<String, String> env = ComposeFileTest.environment(app);
            assertThat(env.keySet()).as("variables given to %s", app).isSubsetOf(read);
            assertThat(env).containsEntry("API_TOKENS_FILE", "/secrets/api-tokens")
                    .containsEntry("PEER_SECRET_FILE", "/secrets/peer-secret")
                    .containsEntry("KAFKA_CLIENT_CONFIG_FILE", "/secrets/kafka.properties")
                    .containsEntry("BOOTSTRAP_SERVERS", "kafka-secure:9092")
                    .containsEntry("SCHEMA_REGISTRY_URL", "http://schema-registry-secure:8081")
                    .containsEntry("APPLICATION_SERVER", app + ":" + env.get("HTTP_PORT"));
        }
    }

    @Test
    void appEntrypointRunsTheImagesOwnCommandWithTheRegistryLoginReadFromItsFile() {
        String dockerfile = RepoFiles.text("docker/streams-app.Dockerfile");
        var matcher = Pattern.compile("ENTRYPOINT \\[(.*?)\\]", Pattern.DOTALL).matcher(dockerfile);
        assertThat(matcher.find()).isTrue();
        var imageCommand = new ArrayList<String>();
        Pattern.compile("\"([^\"]*)\"").matcher(matcher.group(1)).results().forEach(m -> imageCommand.add(m.group(1)));

        for (String app : SECURE_APPS) {
            String script = services.path(app).path("entrypoint").get(2).asText();
            // $$ is compose's escape of $: the shell in the container reads the file, compose substitutes nothing.
            assertThat(script).startsWith("SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO=\"$$(cat /secrets/registry-user-info)\" exec ");
            String command = script.substring(script.indexOf("exec ") + "exec ".length()).replace("'", "");
            assertThat(List.of(command.split(" "))).as("the command of %s", app).isEqualTo(imageCommand);
        }
    }

    @Test
    void aclsStepGrantsThePrincipalsTheAppAndPartnerLogInAs() {
        List<String> command = command("acls-secure");

        var parsed = ProducersCli.commandLine(Map.of(), new ByteArrayInputStream(new byte[0]))
                .parseArgs(command.toArray(String[]::new));

        assertThat(parsed.subcommand().subcommand().commandSpec().name()).isEqualTo("apply");
        assertThat(command).containsSubsequence("--app-principal", "User:app")
                .containsSubsequence("--partner-principal", "User:partner-demo")
                .containsSubsequence("--operator-principal", "User:operator")
                .containsSubsequence("--registry-principal", "User:registry")
                .containsSubsequence("--application-id", ComposeFileTest.environment("app-secure-1").get("APPLICATION_ID"));
    }

    @Test
    void seedIsPublishedByTheDemoPartnerWithItsPropertiesFile() {
        List<String> command = command("producers-secure");

        var parsed = ProducersCli.commandLine(Map.of(), new ByteArrayInputStream(new byte[0]))
                .parseArgs(command.toArray(String[]::new));

        assertThat(parsed.subcommand().subcommand().commandSpec().name()).isEqualTo("seed");
        assertThat(command).containsSubsequence("--config", "/secrets/partner-demo.properties");
    }

    @Test
    void registryWantsBasicAuthAndItsHealthcheckNeedsNoSecret() {
        Map<String, String> env = ComposeFileTest.environment("schema-registry-secure");

        assertThat(env).containsEntry("SCHEMA_REGISTRY_AUTHENTICATION_METHOD", "BASIC")
                .containsEntry("SCHEMA_REGISTRY_KAFKASTORE_SECURITY_PROTOCOL", "SASL_SSL")
                .containsEntry("SCHEMA_REGISTRY_OPTS", "-Djava.security.auth.login.config=/secrets/jaas.conf");
        assertThat(services.path("schema-registry-secure").path("healthcheck").path("test").toString()).contains("401");
    }

    @Test
    void noSecretIsWrittenInTheComposeFile() {
        String text = RepoFiles.text("docker-compose.yml");

        assertThat(text).doesNotContainPattern("(?i)password\\s*=\\s*\"?[A-Za-z0-9]")
                .doesNotContainPattern("user_[a-z0-9-]+\\s*=\\s*\"")
                .doesNotContainPattern("(?i)basic\\.auth\\.user\\.info\\s*=")
                .doesNotContainPattern("Bearer [A-Za-z0-9_-]{16,}")
                .doesNotContain("BEGIN CERTIFICATE", "PRIVATE KEY");
        services.properties().forEach(service -> ComposeFileTest.environment(service.getKey()).forEach((name, value) -> {
            if (name.matches(".*(PASSWORD|SECRET|USER_INFO|JAAS).*") && !name.endsWith("_FILE")) {
                throw new AssertionError(service.getKey() + " sets " + name + " in the compose file");
            }
        }));
    }

    private List<String> command(String service) {
        var command = new ArrayList<String>();
        services.path(service).path("command").forEach(argument -> command.add(argument.asText()));
        return command;
    }

    private static List<String> profiles(JsonNode service) {
        var profiles = new ArrayList<String>();
        service.path("profiles").forEach(profile -> profiles.add(profile.asText()));
        return profiles;
    }

    private static List<String> volumes(JsonNode service) {
        var names = new ArrayList<String>();
        service.path("volumes").forEach(volume -> names.add(volume.asText().split(":")[0]));
        return names;
    }

    private static Map<String, String> pairs(String list) {
        var map = new java.util.LinkedHashMap<String, String>();
        for (String pair : list.split(",")) {
            String[] parts = pair.split(":", 2);
            map.put(parts[0], parts[1]);
        }
        return map;
    }
}
