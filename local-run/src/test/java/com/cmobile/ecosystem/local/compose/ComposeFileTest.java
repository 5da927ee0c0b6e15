package com.cmobile.ecosystem.local.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.cmobile.ecosystem.app.config.AppConfig;
import com.cmobile.ecosystem.producers.cli.ProducersCli;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** docker-compose.yml, checked without a Docker engine: structure, start order and the app's configuration. */
class ComposeFileTest {

    static final List<String> APP_SERVICES = List.of("app-1", "app-2");

    private final JsonNode services = RepoFiles.compose().path("services");

    @Test
    void composeFileDeclaresEveryServiceOfTheDeployment() {
        assertThat(names(services)).containsAll(List.of("kafka", "schema-registry", "app-1", "app-2", "producers",
                "prometheus", "grafana"));
    }

    @Test
    void kafkaAndRegistryUseTheOfficialImages() {
        assertThat(services.path("kafka").path("image").asText()).startsWith("apache/kafka:");
        assertThat(services.path("schema-registry").path("image").asText()).startsWith("confluentinc/cp-schema-registry:");
    }

    @Test
    void everyServiceHasAnImageOrABuildWhoseDockerfileExists() {
        services.properties().forEach(service -> {
            JsonNode definition = service.getValue();
            assertThat(definition.has("image") || definition.has("build"))
                    .as("service %s has an image or a build", service.getKey()).isTrue();
            if (definition.has("build")) {
                String context = definition.path("build").path("context").asText(".");
                String dockerfile = definition.path("build").path("dockerfile").asText("Dockerfile");
                assertThat(RepoFiles.file(context).resolve(dockerfile))
                        .as("Dockerfile of %s", service.getKey()).exists();
            }
        });
    }

    @Test
    void appInstancesAreGivenOnlyVariablesTheAppReads() {
        Set<String> read = AppVariables.read();
        for (String app : APP_SERVICES) {
            assertThat(environment(app).keySet()).as("variables given to %s", app).isSubsetOf(read);
        }
    }

    @Test
    void appInstancesShareTheApplicationIdAndEachAdvertisesItsOwnAddress() {
        Map<String, String> first = environment("app-1");
        Map<String, String> second = environment("app-2");
        assertThat(first.get("APPLICATION_ID")).isNotBlank().isEqualTo(second.get("APPLICATION_ID"));
        for (String app : APP_SERVICES) {
            Map<String, String> env = environment(app);
            assertThat(env.get("APPLICATION_SERVER")).as("APPLICATION_SERVER of %s", app)
                    .isEqualTo(app + ":" + env.get("HTTP_PORT"));
        }
        assertThat(first.get("APPLICATION_SERVER")).isNotEqualTo(second.get("APPLICATION_SERVER"));
    }

    @Test
    void appInstancesReachTheBrokerAndRegistryServices() {
        for (String app : APP_SERVICES) {
            assertThat(environment(app)).containsEntry("BOOTSTRAP_SERVERS", "kafka:9092")
                    .containsEntry("SCHEMA_REGISTRY_URL", "http://schema-registry:8081");
        }
    }

    @Test
    void everyDependencyNamesAServiceAndACondition() {
        services.properties().forEach(service -> service.getValue().path("depends_on").properties().forEach(dep -> {
            assertThat(services.has(dep.getKey())).as("%s depends on a declared service %s", service.getKey(), dep.getKey()).isTrue();
            assertThat(dep.getValue().path("condition").asText())
                    .isIn("service_started", "service_healthy", "service_completed_successfully");
        }));
    }

    @Test
    void servicesWaitedForAsHealthyHaveAHealthcheck() {
        services.properties().forEach(service -> service.getValue().path("depends_on").properties().forEach(dep -> {
            if (dep.getValue().path("condition").asText().equals("service_healthy")) {
                assertThat(services.path(dep.getKey()).path("healthcheck").path("test").isMissingNode())
                        .as("%s waits for %s to be healthy, which needs a healthcheck", service.getKey(), dep.getKey())
                        .isFalse();
            }
        }));
    }

    @Test
    void appsStartOnlyOnceBrokerTopicsAndRegistryAreReady() {
        for (String app : APP_SERVICES) {
            JsonNode dependsOn = services.path(app).path("depends_on");
            assertThat(dependsOn.path("kafka").path("condition").asText()).isEqualTo("service_healthy");
            assertThat(dependsOn.path("schema-registry").path("condition").asText()).isEqualTo("service_healthy");
            assertThat(dependsOn.path("topics").path("condition").asText()).isEqualTo("service_completed_successfully");
        }
    }

    @Test
    void appsAreGivenMoreTimeToStopThanTheirShutdownTimeout() {
        for (String app : APP_SERVICES) {
            Duration shutdownTimeout = AppConfig.from(environment(app)).shutdownTimeout();
            Duration grace = Duration.parse("PT" + services.path(app).path("stop_grace_period").asText("10s").toUpperCase(Locale.ROOT));

            assertThat(grace).as("stop_grace_period of %s", app).isGreaterThan(shutdownTimeout);
        }
    }

    @Test
    void appHealthcheckProbesTheReadinessEndpoint() {
        for (String app : APP_SERVICES) {
            assertThat(services.path(app).path("healthcheck").path("test").toString())
                    .contains("http://localhost:" + environment(app).get("HTTP_PORT") + "/health/ready");
        }
    }

    @Test
    void topicsServiceCreatesEveryEventTopicWithInfiniteRetention() {
        String script = services.path("topics").path("command").toString();
        assertThat(script).contains("pop-capacity", "partner-onboarding", "pop-capacity-dlq", "partner-onboarding-dlq",
                "retention.ms=-1", "--if-not-exists");
    }

    @Test
    void producersServicePublishesTheSeedWithACommandTheCliAccepts() {
        List<String> command = new ArrayList<>();
        services.path("producers").path("command").forEach(arg -> command.add(arg.asText()));
        assertThat(command).containsSubsequence("simulate", "seed");
        assertThat(command).containsSubsequence("--bootstrap-servers", "kafka:9092");
        assertThat(command).containsSubsequence("--schema-registry-url", "http://schema-registry:8081");

        var parsed = ProducersCli.commandLine(Map.of(), new ByteArrayInputStream(new byte[0]))
                .parseArgs(command.toArray(String[]::new));

        assertThat(parsed.subcommand().subcommand().commandSpec().name()).isEqualTo("seed");
    }

    @Test
    void streamsAppImageRunsTheAppsMainClass() throws Exception {
        String dockerfile = RepoFiles.text("docker/streams-app.Dockerfile");
        String mainClass = "com.cmobile.ecosystem.app.App";

        assertThat(dockerfile).contains("\"" + mainClass + "\"");
        assertThat(Class.forName(mainClass).getMethod("main", String[].class)).isNotNull();
    }

    @Test
    void bindMountedFilesExist() {
        services.properties().forEach(service -> service.getValue().path("volumes").forEach(volume -> {
            String source = volume.asText().split(":")[0];
            if (source.startsWith("./")) {
                assertThat(Files.exists(RepoFiles.file(source.substring(2))))
                        .as("%s mounts %s", service.getKey(), source).isTrue();
            }
        }));
    }

    static Map<String, String> environment(String service) {
        JsonNode env = RepoFiles.compose().path("services").path(service).path("environment");
        var values = new LinkedHashMap<String, String>();
        if (env.isArray()) {
            env.forEach(entry -> {
                String[] pair = entry.asText().split("=", 2);
                values.put(pair[0], pair.length > 1 ? pair[1] : "");
            });
        } else {
            env.properties().forEach(entry -> values.put(entry.getKey(), entry.getValue().asText()));
        }
        return values;
    }

    private static List<String> names(JsonNode object) {
        var names = new ArrayList<String>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
