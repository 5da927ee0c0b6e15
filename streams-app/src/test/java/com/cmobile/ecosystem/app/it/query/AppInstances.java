package com.cmobile.ecosystem.app.it.query;

import com.cmobile.ecosystem.app.EcosystemApp;
import com.cmobile.ecosystem.app.config.AppConfig;
import com.cmobile.ecosystem.app.oracle.HttpAnswer;
import com.cmobile.ecosystem.testkit.EmbeddedKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts instances of the real application (one {@link EcosystemApp} each, with its own HTTP port,
 * application.server and state directory) in this JVM, and asks them over HTTP.
 */
public final class AppInstances {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private AppInstances() {
    }

    /** Event and dead-letter topics of one test, so it neither sees nor disturbs other tests' events. */
    public record TestTopics(String popCapacity, String partnerOnboarding, String popCapacityDlq, String partnerOnboardingDlq) {
        /** Names only: the test creates the topics it needs, with the partitions it needs. */
        public static TestTopics named(EmbeddedKafka kafka) {
            return new TestTopics(kafka.uniqueName("pop-capacity"), kafka.uniqueName("partner-onboarding"),
                    kafka.uniqueName("pop-capacity-dlq"), kafka.uniqueName("partner-onboarding-dlq"));
        }

        public static TestTopics create(EmbeddedKafka kafka, int partitions) {
            TestTopics topics = named(kafka);
            kafka.createTopic(topics.popCapacity(), partitions);
            kafka.createTopic(topics.partnerOnboarding(), partitions);
            kafka.createTopics(topics.popCapacityDlq(), topics.partnerOnboardingDlq());
            return topics;
        }
    }

    public static EcosystemApp start(EmbeddedKafka kafka, String applicationId, TestTopics topics, Path stateDir) {
        return start(kafka, applicationId, topics, stateDir, Map.of());
    }

    /** As {@link #start(EmbeddedKafka, String, TestTopics, Path)}, with some settings replaced. */
    public static EcosystemApp start(EmbeddedKafka kafka, String applicationId, TestTopics topics, Path stateDir,
                                     Map<String, String> overrides) {
        Map<String, String> values = settings(kafka, applicationId, topics, stateDir);
        values.put("NUM_STANDBY_REPLICAS", "1");
        values.put("PROCESSING_GUARANTEE", "at_least_once");
        values.put("COMMIT_INTERVAL_MS", "100");
        values.putAll(overrides);
        return EcosystemApp.start(AppConfig.from(values),
                new EcosystemApp.Options(Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(20)));
    }

    /**
     * The settings of one instance, by environment variable (see {@link AppConfig}): {@code kafka}'s
     * broker and registry, {@code topics}, and an HTTP port of its own, which is also its
     * application.server. A mutable map, for a test to add or replace settings.
     */
    public static Map<String, String> settings(EmbeddedKafka kafka, String applicationId, TestTopics topics,
                                               Path stateDir) {
        int port = freePort();
        Map<String, String> values = new HashMap<>();
        values.put("BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        values.put("SCHEMA_REGISTRY_URL", kafka.schemaRegistryUrl());
        values.put("APPLICATION_ID", applicationId);
        values.put("STATE_DIR", stateDir.toString());
        values.put("HTTP_PORT", Integer.toString(port));
        values.put("APPLICATION_SERVER", "localhost:" + port);
        values.put("POP_CAPACITY_TOPIC", topics.popCapacity());
        values.put("PARTNER_ONBOARDING_TOPIC", topics.partnerOnboarding());
        values.put("POP_CAPACITY_DLQ_TOPIC", topics.popCapacityDlq());
        values.put("PARTNER_ONBOARDING_DLQ_TOPIC", topics.partnerOnboardingDlq());
        return values;
    }

    public static HttpAnswer get(EcosystemApp app, String pathAndQuery) {
        return HttpAnswer.get(CLIENT, URI.create("http://localhost:" + app.httpPort() + pathAndQuery),
                Duration.ofSeconds(15));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
