package com.cmobile.ecosystem.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What an instance's JVM had spent so far besides the app's own work. First its garbage collector: its stop-the-world pauses as the app
 * reports them ({@code jvm_gc_pause_seconds}, wall-clock time, every collector and cause), and the
 * CPU time its pause workers used ({@code GC Thread#N} and the {@code VM Thread}, from
 * {@code /proc/<pid>/task}). Over a phase ({@link #minus}) the two tell whether the pauses were
 * work or waiting: on a machine whose cores are all busy, a pause lasts until its workers get a
 * core, and every request that reaches the instance meanwhile waits with them.
 *
 * <p>Beside them, the CPU time of its JIT compiler threads: what a JVM that is still compiling takes
 * from everything else on the machine.
 *
 * @param pauses           pauses counted
 * @param pauseSeconds     their wall-clock time in all
 * @param workerCpuSeconds CPU time of the threads that do the pauses' work; negative when unknown
 * @param jitCpuSeconds    CPU time of the JIT compiler threads; negative when unknown
 */
record JvmOverhead(long pauses, double pauseSeconds, double workerCpuSeconds, double jitCpuSeconds) {

    private static final String COUNT = "jvm_gc_pause_seconds_count";
    private static final String SUM = "jvm_gc_pause_seconds_sum";

    /** From the app's {@code /metrics} text and the CPU times of its threads ({@link ThreadCpu}). */
    static JvmOverhead of(String metricsText, ThreadCpu threads) {
        long pauses = 0;
        double seconds = 0;
        for (String line : metricsText.lines().toList()) {
            if (line.startsWith(COUNT + "{") || line.startsWith(COUNT + " ")) {
                pauses += (long) value(line);
            } else if (line.startsWith(SUM + "{") || line.startsWith(SUM + " ")) {
                seconds += value(line);
            }
        }
        return new JvmOverhead(pauses, seconds, threads.gcWorkers(), threads.jit());
    }

    /** CPU seconds so far of a JVM's pause workers and of its JIT compiler threads; -1 each when unknown. */
    record ThreadCpu(double gcWorkers, double jit) {
        static final ThreadCpu UNKNOWN = new ThreadCpu(-1, -1);
    }

    /** The CPU times of the JVM {@code pid}'s threads, from each {@code /proc/<pid>/task/<tid>/stat}. */
    static ThreadCpu threadCpu(long pid, int ticksPerSecond) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        try (Stream<Path> threads = Files.list(tasks)) {
            long gc = 0;
            long jit = 0;
            for (Path thread : threads.toList()) {
                try {
                    String stat = Files.readString(thread.resolve("stat"));
                    switch (kind(stat)) {
                        case GC_WORKER -> gc += AppProcess.cpuTicks(stat);
                        case JIT -> jit += AppProcess.cpuTicks(stat);
                        default -> {
                        }
                    }
                } catch (IOException ended) {
                    // The thread ended between the listing and the read.
                }
            }
            return new ThreadCpu(gc / (double) ticksPerSecond, jit / (double) ticksPerSecond);
        } catch (IOException | RuntimeException e) {
            return ThreadCpu.UNKNOWN;
        }
    }

    /** The threads counted: the collector's pause workers, the JIT compilers, and the rest. */
    enum Kind {
        GC_WORKER, JIT, OTHER
    }

    /** What a thread is, by the name in its {@code stat} line (the kernel keeps 15 characters of it). */
    static Kind kind(String stat) {
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        if (name.startsWith("GC Thread") || name.equals("VM Thread")) {
            return Kind.GC_WORKER;
        }
        return name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre") ? Kind.JIT : Kind.OTHER;
    }

    JvmOverhead minus(JvmOverhead before) {
        return new JvmOverhead(pauses - before.pauses, pauseSeconds - before.pauseSeconds,
                difference(workerCpuSeconds, before.workerCpuSeconds), difference(jitCpuSeconds, before.jitCpuSeconds));
    }

    /** e.g. {@code GC 23 pauses, 412 ms in all (mean 17.9 ms), workers 98 ms CPU; JIT 1,200 ms CPU}. */
    String describe() {
        return String.format(Locale.ROOT, "GC %d pauses, %.0f ms in all (mean %.1f ms), workers %s CPU; JIT %s CPU",
                pauses, pauseSeconds * 1000, pauses == 0 ? 0 : pauseSeconds * 1000 / pauses, millis(workerCpuSeconds),
                millis(jitCpuSeconds));
    }

    private static double difference(double after, double before) {
        return after < 0 || before < 0 ? -1 : after - before;
    }

    private static String millis(double seconds) {
        return seconds < 0 ? "unknown" : String.format(Locale.ROOT, "%,.0f ms", seconds * 1000);
    }

    private static double value(String line) {
        String number = line.substring(line.lastIndexOf(' ') + 1);
        return Double.parseDouble(number);
    }
}
