package com.cmobile.ecosystem.app.it.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.cmobile.ecosystem.app.App;
import com.cmobile.ecosystem.app.it.query.AppInstances;
import com.cmobile.ecosystem.app.it.query.AppInstances.TestTopics;
import com.cmobile.ecosystem.testkit.ChildProcess;
import com.cmobile.ecosystem.testkit.EmbeddedKafka;
import com.cmobile.ecosystem.testkit.EmbeddedKafkaExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stop ends within {@code SHUTDOWN_TIMEOUT_MS} even when a stream thread is stuck: the process
 * logs a thread dump and exits with status 1, as an orchestrator needs to see it. The thread is made
 * to hang for real: a record whose schema must be fetched from a registry that accepts the
 * connection and never answers.
 *
 * <p>The app runs as a deployment runs it: {@code App} in a JVM of its own, configured by environment
 * variables, on this test JVM's class path (the module's classes and every dependency).
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class StuckStreamThreadIT {

    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(3);
    /** A class path resource: the test's own logback-test.xml leaves out the INFO line waited for. */
    private static final String LOG_CONFIGURATION = "com/cmobile/ecosystem/app/it/lifecycle/logback-app.xml";

    @Test
    void aStopWithAStuckStreamThreadEndsInTimeWithAThreadDumpAndStatusOne(EmbeddedKafka kafka, @TempDir Path stateDir)
            throws Exception {
        try (var silentRegistry = new SilentServer()) {
            // given the app running against a registry that never answers
            TestTopics topics = TestTopics.named(kafka);
            String popCapacity = topics.popCapacity();
            kafka.createTopic(popCapacity, 1);
            kafka.createTopic(topics.partnerOnboarding(), 1);
            Map<String, String> environment = AppInstances.settings(kafka, kafka.uniqueName("stuck-stream-thread"),
                    topics, stateDir);
            environment.put("SCHEMA_REGISTRY_URL", "http://127.0.0.1:" + silentRegistry.port());
            environment.put("STATE_STORES", "in-memory");
            environment.put("SHUTDOWN_TIMEOUT_MS", Long.toString(SHUTDOWN_TIMEOUT.toMillis()));
            try (var app = startApp(environment)) {
                app.awaitLine("REBALANCING -> RUNNING", Duration.ofSeconds(90));

                // when a record sends the stream thread to the registry for schema id 1, and SIGTERM follows
                try (var producer = new KafkaProducer<>(kafka.producerProperties(), new ByteArraySerializer(),
                        new ByteArraySerializer())) {
                    byte[] wireFormat = ByteBuffer.allocate(7).put((byte) 0).putInt(1).put((byte) 2).put((byte) 4).array();
                    producer.send(new ProducerRecord<>(popCapacity, "pop-1".getBytes(StandardCharsets.UTF_8),
                            wireFormat)).get();
                }
                assertThat(silentRegistry.awaitConnection(Duration.ofSeconds(60)))
                        .as("the stream thread asked the registry:\n%s", app.output()).isTrue();
                long stopAt = System.nanoTime();
                int status = app.terminate(Duration.ofSeconds(60));
                Duration stopTook = Duration.ofNanos(System.nanoTime() - stopAt);

                // then the process ends soon after the timeout, with status 1 and the stuck thread in a dump
                String output = app.output();
                assertThat(status).as(output).isEqualTo(1);
                assertThat(stopTook).as(output).isLessThan(SHUTDOWN_TIMEOUT.plus(Duration.ofSeconds(15)));
                assertThat(output).contains("did not close within PT3S; threads now:")
                        .containsPattern("\"[^\"]*StreamThread-1\"")
                        .contains("RestSchemaRegistryClient");
            }
        }
    }

    /** {@code App} in a child JVM with this JVM's class path, logging our code at INFO (its state changes). */
    private static ChildProcess startApp(Map<String, String> environment) {
        var command = ChildProcess.java();
        command.add("-Dlogback.configurationFile=" + LOG_CONFIGURATION);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), App.class.getName()));
        var builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        return ChildProcess.start("app", builder);
    }

    /** Accepts connections and keeps them open without a byte of answer, like a hung server. */
    private static final class SilentServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> connections = new CopyOnWriteArrayList<>();
        private final CountDownLatch connected = new CountDownLatch(1);

        SilentServer() throws IOException {
            Thread acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        connections.add(socket.accept());
                        connected.countDown();
                    } catch (IOException e) {
                        return; // closed
                    }
                }
            }, "silent-registry");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        boolean awaitConnection(Duration timeout) throws InterruptedException {
            return connected.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket connection : connections) {
                connection.close();
            }
        }
    }
}
