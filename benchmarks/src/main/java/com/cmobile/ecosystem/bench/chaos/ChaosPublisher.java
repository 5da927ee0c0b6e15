package com.cmobile.ecosystem.bench.chaos;

import com.cmobile.ecosystem.bench.chaos.ChaosHistory.Kind;
import com.cmobile.ecosystem.bench.chaos.ChaosHistory.Producer;
import com.cmobile.ecosystem.bench.chaos.ChaosHistory.Send;
import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.serde.EventSerdes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes a {@link ChaosHistory} at an even pace over the load period: Java's records one by one
 * with the project publisher's producer settings (idempotent, acks=all), Python's in chunks of a
 * few seconds, each chunk one run of Confluent's Python client. A record that a producer gives up
 * on (after its own retries across broker restarts) is recorded as a failure: the run then cannot
 * say what the app should hold, and says so.
 */
final class ChaosPublisher {

    /** Publishes one chunk of Python records, in order, and returns once each is acknowledged. */
    interface PythonProducer {
        void publish(List<Send> chunk) throws Exception;
    }

    private static final Duration PYTHON_CHUNK = Duration.ofSeconds(5);
    private static final int PYTHON_ATTEMPTS = 3;

    private final Map<String, Object> producerProperties;
    private final String registryUrl;
    private final PythonProducer python;
    private final DeadLetterCheck deadLetters;
    private final AtomicLong acknowledged = new AtomicLong();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

    /** @param deadLetters told of every invalid record as it is sent, with the bytes sent */
    ChaosPublisher(Map<String, Object> producerProperties, String registryUrl, PythonProducer python,
                   DeadLetterCheck deadLetters) {
        this.producerProperties = producerProperties;
        this.registryUrl = registryUrl;
        this.python = python;
        this.deadLetters = deadLetters;
    }

    long acknowledged() {
        return acknowledged.get();
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    /** The bytes Java's producer sends for {@code send}: Confluent's wire format, or garbage for an undecodable one. */
    byte[] valueBytes(Send send, Serializer<PopCapacityEvent> pops, Serializer<PartnerOnboardingEvent> partners) {
        if (send.kind() == Kind.UNDECODABLE) {
            return undecodable(send.index());
        }
        return send.event() instanceof PopCapacityEvent pop ? pops.serialize(send.topic(), pop)
                : partners.serialize(send.topic(), (PartnerOnboardingEvent) send.event());
    }

    /**
     * Two kinds of garbage: a magic byte that is not Confluent's, and the right magic byte before a
     * schema id the registry never gave. The index keeps every record distinct in the DLQ.
     */
    static byte[] undecodable(int index) {
        byte[] tail = ("chaos-undecodable-" + index).getBytes(StandardCharsets.UTF_8);
        var buffer = ByteBuffer.allocate(5 + tail.length);
        buffer.put(index % 2 == 0 ? (byte) 7 : (byte) 0).putInt(Integer.MAX_VALUE - index).put(tail);
        return buffer.array();
    }

    /**
     * Sends every record at {@code start + index * load / size}; returns when all are acknowledged
     * or given up. Java's records go from the calling thread, Python's chunks from another.
     */
    void publish(List<Send> sends, Duration load, long startNanos) throws Exception {
        double nanosPerRecord = (double) load.toNanos() / sends.size();
        Thread pythonThread = new Thread(() -> publishPython(sends, nanosPerRecord, startNanos), "chaos-python");
        pythonThread.start();
        Map<String, Object> config = Map.of("schema.registry.url", registryUrl);
        try (var pops = EventSerdes.popCapacity(config).serializer();
             var partners = EventSerdes.partnerOnboarding(config).serializer();
             var producer = new KafkaProducer<>(producerProperties, new StringSerializer(), new ByteArraySerializer())) {
            for (Send send : sends) {
                if (send.producer() != Producer.JAVA) {
                    continue;
                }
                sleepUntil(startNanos + (long) (send.index() * nanosPerRecord));
                byte[] value = valueBytes(send, pops, partners);
                if (send.kind() != Kind.VALID) {
                    deadLetters.expect(send.topic(), send.key(), value);
                }
                producer.send(new ProducerRecord<>(send.topic(), send.key(), value),
                        (metadata, error) -> {
                            if (error == null) {
                                acknowledged.incrementAndGet();
                            } else {
                                failures.add("java record " + send.index() + " (" + send.key() + "): " + error);
                            }
                        });
            }
            producer.flush();
        } finally {
            pythonThread.join();
        }
    }

    private void publishPython(List<Send> sends, double nanosPerRecord, long startNanos) {
        List<Send> pythonSends = sends.stream().filter(s -> s.producer() == Producer.PYTHON).toList();
        long chunkRecords = Math.max(1, (long) (PYTHON_CHUNK.toNanos() / nanosPerRecord));
        List<Send> chunk = new ArrayList<>();
        long chunkEnd = chunkRecords;
        for (Send send : pythonSends) {
            if (send.index() >= chunkEnd && !chunk.isEmpty()) {
                publishChunk(chunk, startNanos + (long) (chunk.get(0).index() * nanosPerRecord));
                chunk = new ArrayList<>();
            }
            while (send.index() >= chunkEnd) {
                chunkEnd += chunkRecords;
            }
            chunk.add(send);
        }
        if (!chunk.isEmpty()) {
            publishChunk(chunk, startNanos + (long) (chunk.get(0).index() * nanosPerRecord));
        }
    }

    /**
     * Runs a chunk, and runs it again if the client gave up on some record (it may during a broker
     * restart). Sending again what was delivered repeats older events of the same keys after newer
     * ones: the ordering rule ignores them, as it ignores any late duplicate.
     */
    private void publishChunk(List<Send> chunk, long atNanos) {
        Exception last = null;
        for (int attempt = 1; attempt <= PYTHON_ATTEMPTS; attempt++) {
            try {
                sleepUntil(atNanos);
                python.publish(chunk);
                acknowledged.addAndGet(chunk.size());
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures.add("python chunk from record " + chunk.get(0).index() + ": interrupted");
                return;
            } catch (Exception e) {
                last = e;
            }
        }
        failures.add("python chunk from record " + chunk.get(0).index() + " (" + chunk.size() + " records), "
                + PYTHON_ATTEMPTS + " attempts: " + last);
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long wait = nanos - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
