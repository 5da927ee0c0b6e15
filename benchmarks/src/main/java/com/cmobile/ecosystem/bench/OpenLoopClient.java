package com.cmobile.ecosystem.bench;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * The query client, in its own JVM so that its CPU is its own (and, with {@code taskset}, confined
 * to one core): an open-loop HTTP client that offers a fixed rate of GETs whatever the server does.
 * Request {@code k} is due at {@link OpenLoopSchedule#intendedStart(long)} and its latency counts
 * from then, not from when a connection was free to send it, which corrects coordinated omission
 * as {@code wrk2} does. {@code connections} threads each own kept-alive {@link RawHttpConnection}s
 * and take the next due request when they are free; the targets are asked in a shuffled round.
 * Answers 200 and 404 are recorded (µs, per kind of target); anything else, or no answer, is a
 * failure.
 *
 * <p>{@link #run} writes a {@link Step} to a file, runs {@code [taskset -c <cpu>] java ...
 * OpenLoopClient <step> <result>} and reads the {@link Result} back.
 */
public final class OpenLoopClient {

    /** One URL to ask: its kind (the histogram it goes to), the instance asked, the path, the owner expected in X-Served-By ("-": any). */
    record Target(String kind, String server, String path, String owner) {
        Target {
            if (kind.isBlank() || kind.contains(" ") || path.contains(" ") || owner.contains(" ")) {
                throw new IllegalArgumentException("target parts must be non-blank words: " + kind + " " + path);
            }
        }
    }

    /** What one client run offers. */
    record Step(double rate, Duration warmUp, Duration duration, int connections, long seed, List<Target> targets) {
        Step {
            if (targets.isEmpty() || connections < 1) {
                throw new IllegalArgumentException("a client step needs targets and connections");
            }
        }

        String write() {
            var text = new StringBuilder();
            text.append("rate=").append(rate).append('\n')
                    .append("warmUpMs=").append(warmUp.toMillis()).append('\n')
                    .append("durationMs=").append(duration.toMillis()).append('\n')
                    .append("connections=").append(connections).append('\n')
                    .append("seed=").append(seed).append('\n');
            targets.forEach(t -> text.append("target=").append(t.kind()).append(' ').append(t.server()).append(' ')
                    .append(t.path()).append(' ').append(t.owner()).append('\n'));
            return text.toString();
        }

        static Step read(List<String> lines) {
            Map<String, String> values = new HashMap<>();
            List<Target> targets = new ArrayList<>();
            for (String line : lines) {
                int eq = line.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String name = line.substring(0, eq);
                String value = line.substring(eq + 1);
                if (name.equals("target")) {
                    String[] parts = value.split(" ");
                    targets.add(new Target(parts[0], parts[1], parts[2], parts[3]));
                } else {
                    values.put(name, value);
                }
            }
            return new Step(Double.parseDouble(values.get("rate")),
                    Duration.ofMillis(Long.parseLong(values.get("warmUpMs"))),
                    Duration.ofMillis(Long.parseLong(values.get("durationMs"))),
                    Integer.parseInt(values.get("connections")), Long.parseLong(values.get("seed")), targets);
        }
    }

    /** What one kind of target got: latencies in µs from the intended start, counts. */
    record Kind(Histogram micros, long answered, long failed, long servedElsewhere) {
    }

    /** What a client run measured; {@code cpuSeconds} is the client's own CPU over the measured part. */
    record Result(Map<String, Kind> kinds, Map<Integer, Long> failuresByStatus, long recorded, double cpuSeconds,
                  double seconds) {
        long failed() {
            return kinds.values().stream().mapToLong(Kind::failed).sum();
        }

        long answered() {
            return kinds.values().stream().mapToLong(Kind::answered).sum();
        }

        /** Client CPU per recorded request, µs. */
        double cpuMicrosPerRequest() {
            return recorded == 0 ? 0 : cpuSeconds * 1e6 / recorded;
        }
    }

    private static final long MAX_MICROS = TimeUnit.SECONDS.toMicros(60);

    private OpenLoopClient() {
    }

    /**
     * Runs {@code step} in a child JVM, pinned to {@code cpu} with {@code taskset} when one is given
     * and taskset exists, and returns what it measured.
     */
    static Result run(Step step, Path work, String name, Optional<Integer> cpu) throws IOException, InterruptedException {
        Path stepFile = work.resolve(name + ".step");
        Path resultFile = work.resolve(name + ".result");
        Path log = work.resolve(name + ".log");
        Files.writeString(stepFile, step.write());
        List<String> command = new ArrayList<>();
        cpu.filter(c -> taskset().isPresent()).ifPresent(c -> command.addAll(List.of(taskset().get(), "-c",
                Integer.toString(c))));
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), OpenLoopClient.class.getName(),
                stepFile.toString(), resultFile.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long waitSeconds = step.warmUp().plus(step.duration()).toSeconds() + 60;
        if (!process.waitFor(waitSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException("query client " + name + " did not finish within " + waitSeconds + " s");
        }
        if (process.exitValue() != 0 || !Files.exists(resultFile)) {
            throw new IllegalStateException("query client " + name + " exited with " + process.exitValue() + ": "
                    + (Files.exists(log) ? Files.readString(log) : ""));
        }
        return readResult(Files.readAllLines(resultFile));
    }

    /** The {@code taskset} command, if this machine has one. */
    static Optional<String> taskset() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "taskset");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: OpenLoopClient <step file> <result file>");
            System.exit(2);
        }
        Step step = Step.read(Files.readAllLines(Path.of(args[0])));
        Files.writeString(Path.of(args[1]), writeResult(measure(step)));
    }

    static Result measure(Step step) throws InterruptedException {
        List<Target> targets = new ArrayList<>(step.targets());
        Collections.shuffle(targets, new Random(step.seed()));
        List<String> kinds = targets.stream().map(Target::kind).distinct().toList();
        int[] kindOf = targets.stream().mapToInt(t -> kinds.indexOf(t.kind())).toArray();
        // Warm the client's own code and open its connections before the schedule starts.
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        var schedule = new OpenLoopSchedule(start, step.rate(), step.warmUp().toNanos(), step.duration().toNanos());
        var next = new AtomicLong();
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < step.connections(); i++) {
            var worker = new Worker(targets, kindOf, kinds.size(), schedule, next);
            worker.setName("open-loop-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        sleepUntil(start + schedule.warmUpNanos());
        double cpuBefore = processCpuSeconds();
        for (Worker worker : workers) {
            worker.join();
        }
        double cpu = processCpuSeconds() - cpuBefore;
        Map<String, Kind> byKind = new LinkedHashMap<>();
        Map<Integer, Long> failures = new HashMap<>();
        long recorded = 0;
        for (int k = 0; k < kinds.size(); k++) {
            var micros = new Histogram(MAX_MICROS, 3);
            long answered = 0;
            long failed = 0;
            long elsewhere = 0;
            for (Worker worker : workers) {
                micros.add(worker.micros[k]);
                answered += worker.answered[k];
                failed += worker.failed[k];
                elsewhere += worker.elsewhere[k];
            }
            recorded += answered + failed;
            byKind.put(kinds.get(k), new Kind(micros, answered, failed, elsewhere));
        }
        workers.forEach(w -> w.failures.forEach((status, n) -> failures.merge(status, n, Long::sum)));
        return new Result(byKind, failures, recorded, cpu, step.duration().toNanos() / 1e9);
    }

    /** One connection's thread: takes the next due request whenever it is free. */
    private static final class Worker extends Thread {
        private final List<Target> targets;
        private final int[] kindOf;
        private final OpenLoopSchedule schedule;
        private final AtomicLong next;
        private final Map<String, RawHttpConnection> connections = new HashMap<>();
        private final byte[][] requests;
        final Histogram[] micros;
        final long[] answered;
        final long[] failed;
        final long[] elsewhere;
        final Map<Integer, Long> failures = new HashMap<>();

        Worker(List<Target> targets, int[] kindOf, int kinds, OpenLoopSchedule schedule, AtomicLong next) {
            this.targets = targets;
            this.kindOf = kindOf;
            this.schedule = schedule;
            this.next = next;
            this.requests = new byte[targets.size()][];
            for (int i = 0; i < targets.size(); i++) {
                requests[i] = connection(targets.get(i).server()).request(targets.get(i).path());
            }
            micros = new Histogram[kinds];
            for (int k = 0; k < kinds; k++) {
                micros[k] = new Histogram(MAX_MICROS, 3);
            }
            answered = new long[kinds];
            failed = new long[kinds];
            elsewhere = new long[kinds];
        }

        private RawHttpConnection connection(String server) {
            return connections.computeIfAbsent(server, RawHttpConnection::to);
        }

        @Override
        public void run() {
            try {
                for (long k = next.getAndIncrement(); ; k = next.getAndIncrement()) {
                    long due = schedule.intendedStart(k);
                    if (schedule.finished(due)) {
                        return;
                    }
                    sleepUntil(due);
                    int t = (int) (k % targets.size());
                    Target target = targets.get(t);
                    int status;
                    String servedBy;
                    try {
                        var answer = connection(target.server()).send(requests[t]);
                        status = answer.status();
                        servedBy = answer.servedBy();
                    } catch (IOException e) {
                        status = -1;
                        servedBy = "";
                    }
                    long micro = (System.nanoTime() - due) / 1_000;
                    if (!schedule.recorded(due)) {
                        continue;
                    }
                    int kind = kindOf[t];
                    if (status != 200 && status != 404) {
                        failed[kind]++;
                        failures.merge(status, 1L, Long::sum);
                        continue;
                    }
                    answered[kind]++;
                    if (!target.owner().equals("-") && !servedBy.isEmpty() && !servedBy.equals(target.owner())) {
                        elsewhere[kind]++;
                    }
                    micros[kind].recordValue(Math.min(MAX_MICROS, micro));
                }
            } finally {
                connections.values().forEach(RawHttpConnection::close);
            }
        }
    }

    private static void sleepUntil(long nanos) {
        for (long left = nanos - System.nanoTime(); left > 0; left = nanos - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    private static double processCpuSeconds() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1e9 : 0;
    }

    static String writeResult(Result result) {
        var text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "cpu %.6f %d %.3f%n", result.cpuSeconds(), result.recorded(),
                result.seconds()));
        result.kinds().forEach((kind, k) -> {
            ByteBuffer buffer = ByteBuffer.allocate(k.micros().getNeededByteBufferCapacity());
            int length = k.micros().encodeIntoCompressedByteBuffer(buffer);
            text.append("kind ").append(kind).append(' ').append(k.answered()).append(' ').append(k.failed())
                    .append(' ').append(k.servedElsewhere()).append(' ')
                    .append(Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length)))
                    .append('\n');
        });
        result.failuresByStatus().forEach((status, n) -> text.append("failure ").append(status).append(' ').append(n)
                .append('\n'));
        return text.toString();
    }

    static Result readResult(List<String> lines) {
        Map<String, Kind> kinds = new LinkedHashMap<>();
        Map<Integer, Long> failures = new HashMap<>();
        double cpu = 0;
        long recorded = 0;
        double seconds = 0;
        for (String line : lines) {
            String[] parts = line.split(" ");
            switch (parts[0]) {
                case "cpu" -> {
                    cpu = Double.parseDouble(parts[1]);
                    recorded = Long.parseLong(parts[2]);
                    seconds = Double.parseDouble(parts[3]);
                }
                case "kind" -> {
                    try {
                        var micros = Histogram.decodeFromCompressedByteBuffer(
                                ByteBuffer.wrap(Base64.getDecoder().decode(parts[5].getBytes(StandardCharsets.US_ASCII))), 0);
                        kinds.put(parts[1], new Kind(micros, Long.parseLong(parts[2]), Long.parseLong(parts[3]),
                                Long.parseLong(parts[4])));
                    } catch (DataFormatException e) {
                        throw new IllegalStateException("unreadable histogram of " + parts[1] + " in the client's result", e);
                    }
                }
                case "failure" -> failures.put(Integer.parseInt(parts[1]), Long.parseLong(parts[2]));
                default -> throw new IllegalStateException("unexpected line in the client's result: " + line);
            }
        }
        return new Result(kinds, failures, recorded, cpu, seconds);
    }
}
