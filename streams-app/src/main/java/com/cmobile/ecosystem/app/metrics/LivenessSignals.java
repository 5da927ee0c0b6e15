package com.cmobile.ecosystem.app.metrics;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The real sources of {@link LivenessWatch}: the JVM's thread bean, Kafka Streams' metrics, and the broker. */
public final class LivenessSignals {

    private static final Logger LOG = LoggerFactory.getLogger(LivenessSignals.class);
    private static final Set<String> LOOP_COUNTERS = Set.of("poll-total", "process-total");

    private LivenessSignals() {
    }

    /** {@link ThreadMXBean#findDeadlockedThreads()}: threads blocked for good on monitors or ownable locks. */
    public static LivenessWatch.Deadlocks jvmDeadlocks() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return () -> {
            long[] ids = threads.findDeadlockedThreads();
            if (ids == null) {
                return List.of();
            }
            return Arrays.stream(threads.getThreadInfo(ids)).filter(java.util.Objects::nonNull)
                    .map(info -> info.getThreadName() + " waits for " + info.getLockName() + " held by "
                            + info.getLockOwnerName())
                    .sorted().toList();
        };
    }

    /**
     * The thread-level {@code poll-total} plus {@code process-total} of each stream thread, from
     * {@link KafkaStreams#metrics()} (read without taking any lock of the stream thread); none
     * unless the client is running or rebalancing, when a quiet thread means nothing.
     */
    public static LivenessWatch.Progress streamThreadLoops(KafkaStreams streams) {
        return () -> {
            if (!streams.state().isRunningOrRebalancing()) {
                return Map.of();
            }
            Map<String, Double> byThread = new HashMap<>();
            for (Map.Entry<MetricName, ? extends Metric> entry : streams.metrics().entrySet()) {
                MetricName name = entry.getKey();
                String thread = name.tags().get("thread-id");
                if ("stream-thread-metrics".equals(name.group()) && LOOP_COUNTERS.contains(name.name()) && thread != null
                        && entry.getValue().metricValue() instanceof Number value) {
                    byThread.merge(thread, value.doubleValue(), Double::sum);
                }
            }
            return byThread;
        };
    }

    /**
     * A full dump of every thread (all frames and the locks held), for the log when a stop
     * overruns: {@link ThreadInfo#toString()} cuts stacks at eight frames.
     */
    public static String threadDump() {
        return Arrays.stream(ManagementFactory.getThreadMXBean().dumpAllThreads(true, true))
                .map(LivenessSignals::describe).collect(Collectors.joining("\n"));
    }

    private static String describe(ThreadInfo info) {
        StringBuilder text = new StringBuilder("\"").append(info.getThreadName()).append("\" ")
                .append(info.getThreadState());
        if (info.getLockName() != null) {
            text.append(" on ").append(info.getLockName());
            if (info.getLockOwnerName() != null) {
                text.append(" owned by \"").append(info.getLockOwnerName()).append('"');
            }
        }
        text.append('\n');
        for (StackTraceElement frame : info.getStackTrace()) {
            text.append("\tat ").append(frame).append('\n');
        }
        Arrays.stream(info.getLockedSynchronizers()).forEach(lock -> text.append("\tholds ").append(lock).append('\n'));
        return text.toString();
    }

    /**
     * Whether a stream thread's active tasks have input waiting: some end offset of their input
     * partitions (source and repartition topics) beyond the group's committed offset. Asks the
     * broker, so {@link LivenessWatch} asks it only about a thread whose counter has stopped; when the
     * answer cannot be had in time it says "waiting", since a thread that has not even polled for the
     * whole bound is not idle.
     */
    public static final class CommittedInputLag implements LivenessWatch.InputWaiting, AutoCloseable {

        private static final Duration TIMEOUT = Duration.ofSeconds(5);

        private final KafkaStreams streams;
        private final Map<String, Object> adminConfig;
        private final String groupId;
        private Admin admin;

        /** @param adminConfig how an admin client reaches the cluster: brokers and security settings */
        public CommittedInputLag(KafkaStreams streams, Map<String, Object> adminConfig, String groupId) {
            this.streams = streams;
            this.adminConfig = Map.copyOf(adminConfig);
            this.groupId = groupId;
        }

        @Override
        public synchronized boolean test(String thread) {
            try {
                Set<TopicPartition> inputs = streams.metadataForLocalThreads().stream()
                        .filter(t -> t.threadName().equals(thread))
                        .map(ThreadMetadata::activeTasks).flatMap(Set::stream)
                        .flatMap(task -> task.topicPartitions().stream())
                        .collect(Collectors.toSet());
                if (inputs.isEmpty()) {
                    return false;
                }
                if (admin == null) {
                    admin = Admin.create(adminConfig);
                }
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                        .partitionsToOffsetAndMetadata().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                                inputs.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
                        .all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                return ends.entrySet().stream().anyMatch(end -> {
                    OffsetAndMetadata done = committed.get(end.getKey());
                    return end.getValue().offset() > (done == null ? 0 : done.offset());
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            } catch (Exception e) {
                LOG.warn("Cannot tell whether stream thread {} has input waiting; assuming it has", thread, e);
                return true;
            }
        }

        @Override
        public synchronized void close() {
            if (admin != null) {
                admin.close(TIMEOUT);
            }
        }
    }
}
