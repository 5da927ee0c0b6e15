package com.cmobile.ecosystem.bench.chaos;

import com.cmobile.ecosystem.bench.chaos.FaultPlan.Fault;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Carries out a {@link FaultPlan} during the load, logging each fault with its time, and measures
 * {@code failover_s} after each kill: from the signal until a sweep over every key route, each
 * asked of an instance that is up, gets no 503 and no failure. A pause stops an instance with
 * SIGSTOP and resumes it with SIGCONT, as a long stop-the-world GC pause would, at a moment when the
 * group is calm, and counts the rebalances that follow: a pause shorter than the session must
 * cost none.
 */
final class FaultInjector {

    /** Stops and restarts one broker of the cluster; both return once the node is down or back. */
    interface Brokers {
        void stop(int node) throws Exception;

        void restart(int node) throws Exception;
    }

    /** A supervisor does not restart a crashed instance at once; nor does this. */
    private static final Duration RESTART_DELAY = Duration.ofSeconds(2);
    private static final Duration BROKER_DOWN = Duration.ofSeconds(5);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration FAILOVER_CAP = Duration.ofSeconds(150);
    /** A pause waits this long for a moment with every instance up and no rebalance for {@link #CALM}. */
    private static final Duration CALM_WAIT = Duration.ofSeconds(45);
    private static final Duration CALM = Duration.ofSeconds(5);

    private final Instances instances;
    private final Brokers brokers;
    private final HttpClient http;
    private final List<String> keyRoutes;
    private final Duration queryTimeout;
    private final Consumer<String> log;
    private final LongSupplier rebalances;
    private final Duration pause;
    private final Duration sessionTimeout;
    private final ConcurrentLinkedQueue<Double> failovers = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    private final List<Thread> background = new ArrayList<>();
    private int kills;
    private int brokerRestarts;
    private int pauses;
    private long rebalancesAfterPauses;

    /**
     * @param rebalances     the sum of the instances' rebalance counters (instances that do not answer count 0)
     * @param pause          how long a pause keeps its instance stopped
     * @param sessionTimeout the instances' {@code SESSION_TIMEOUT_MS}: a pause's rebalances are counted after it
     */
    FaultInjector(Instances instances, Brokers brokers, HttpClient http, List<String> keyRoutes, Duration queryTimeout,
                  Consumer<String> log, LongSupplier rebalances, Duration pause, Duration sessionTimeout) {
        this.instances = instances;
        this.brokers = brokers;
        this.http = http;
        this.keyRoutes = List.copyOf(keyRoutes);
        this.queryTimeout = queryTimeout;
        this.log = log;
        this.rebalances = rebalances;
        this.pause = pause;
        this.sessionTimeout = sessionTimeout;
    }

    /** Runs every fault at its time after {@code startNanos}; returns when the last one is done. */
    void run(FaultPlan plan, long startNanos) throws Exception {
        for (Fault fault : plan.faults()) {
            long wait = startNanos + fault.at().toNanos() - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000);
            }
            String when = String.format(Locale.ROOT, "+%5.1f s", (System.nanoTime() - startNanos) / 1e9);
            switch (fault.type()) {
                case KILL -> kill(fault, when, startNanos);
                case BROKER_RESTART -> restartBroker(fault.target(), when, startNanos);
                case PAUSE -> pause(fault.target(), when);
            }
        }
    }

    private void kill(Fault fault, String when, long startNanos) throws Exception {
        int i = fault.target();
        long pid = instances.process(i).pid();
        long killedAt = System.nanoTime();
        instances.kill(i);
        kills++;
        log.accept(when + " kill -9 app-" + (i + 1) + " (pid " + pid + ")");
        background(() -> measureFailover(killedAt, i), "chaos-failover-" + kills);
        Thread.sleep(RESTART_DELAY.toMillis());
        if (fault.emptyState()) {
            instances.wipeState(i);
        }
        instances.start(i);
        int generation = instances.generation(i);
        // The generation moves on if this incarnation is killed before it is ready.
        log.accept(String.format(Locale.ROOT, "+%5.1f s   app-%d restarted (pid %d) on %s", seconds(startNanos), i + 1,
                instances.process(i).pid(), fault.emptyState() ? "an EMPTY state directory" : "its state directory"));
        background(() -> {
            try {
                instances.awaitReady(i, READY_TIMEOUT);
                log.accept("          app-" + (i + 1) + " ready again " + String.format(Locale.ROOT, "%.1f s",
                        seconds(killedAt)) + " after its kill");
            } catch (Exception e) {
                // Killed again before it was ready: the next restart's wait speaks for it.
                if (instances.generation(i) == generation) {
                    problems.add("app-" + (i + 1) + " not ready after its restart: " + e.getMessage());
                }
            }
        }, "chaos-ready-" + i);
    }

    private void restartBroker(int node, String when, long startNanos) throws Exception {
        long stoppingAt = System.nanoTime();
        brokers.stop(node);
        log.accept(when + " stopped broker " + node + String.format(Locale.ROOT, " (%.1f s)", seconds(stoppingAt)));
        Thread.sleep(BROKER_DOWN.toMillis());
        long restartingAt = System.nanoTime();
        brokers.restart(node);
        brokerRestarts++;
        log.accept(String.format(Locale.ROOT, "+%5.1f s restarted broker %d (%.1f s)", seconds(startNanos), node,
                seconds(restartingAt)));
    }

    private void pause(int i, String when) throws Exception {
        if (!awaitCalm()) {
            problems.add("pause of app-" + (i + 1) + " skipped: the group was not calm for " + CALM.toSeconds()
                    + " s within " + CALM_WAIT.toSeconds() + " s");
            return;
        }
        long before = rebalances.getAsLong();
        long pid = instances.process(i).pid();
        signal("STOP", pid);
        log.accept(String.format(Locale.ROOT, "%s pause app-%d (pid %d) for %.1f s", when, i + 1, pid,
                pause.toMillis() / 1000.0));
        try {
            Thread.sleep(pause.toMillis());
        } finally {
            signal("CONT", pid);
        }
        // Had the session expired, the coordinator would have started a rebalance by now.
        Thread.sleep(sessionTimeout.plusSeconds(3).toMillis());
        long caused = Math.max(0, rebalances.getAsLong() - before);
        pauses++;
        rebalancesAfterPauses += caused;
        log.accept("          app-" + (i + 1) + " resumed; rebalances since the pause began: " + caused);
    }

    /** Every instance up and no rebalance counted for {@link #CALM}, within {@link #CALM_WAIT}. */
    private boolean awaitCalm() throws InterruptedException {
        long deadline = System.nanoTime() + CALM_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (instances.allUp()) {
                long before = rebalances.getAsLong();
                Thread.sleep(CALM.toMillis());
                if (instances.allUp() && rebalances.getAsLong() == before) {
                    return true;
                }
            } else {
                Thread.sleep(500);
            }
        }
        return false;
    }

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IOException("kill -" + signal + " " + pid + " exited with " + kill.exitValue());
        }
    }

    private void measureFailover(long killedAt, int killed) {
        var random = new Random(killedAt);
        String lastUnanswered = "none";
        while (System.nanoTime() - killedAt < FAILOVER_CAP.toNanos()) {
            long sweepStart = System.nanoTime();
            Optional<String> unanswered = unansweredInSweep(random);
            if (unanswered.isEmpty()) {
                double seconds = (sweepStart - killedAt) / 1e9;
                failovers.add(seconds);
                log.accept(String.format(Locale.ROOT, "          every key answered again %.1f s after killing app-%d"
                        + " (the last key to fail: %s)", seconds, killed + 1, lastUnanswered));
                return;
            }
            lastUnanswered = unanswered.get();
            Pause.quietly(200);
        }
        failovers.add(FAILOVER_CAP.toSeconds() * 1.0);
        problems.add("keys still unanswered " + FAILOVER_CAP.toSeconds() + " s after killing app-" + (killed + 1)
                + ": " + lastUnanswered);
    }

    /**
     * Asks every key route, each of a random instance that is up, and stops at the first that
     * answers 503 or not at all: that route, whom it was asked of and why, or empty when all answered.
     */
    private Optional<String> unansweredInSweep(Random random) {
        for (String route : keyRoutes) {
            Optional<Integer> instance = instances.randomUp(random);
            if (instance.isEmpty()) {
                return Optional.of("no instance up");
            }
            var outcome = QueryClient.ask(http, instances.baseUrl(instance.get()) + route, queryTimeout.plusSeconds(2));
            if (!outcome.answered() || outcome.status() >= 500) {
                String why = outcome.error().orElseGet(() -> outcome.status() + " " + abbreviate(outcome.body()));
                return Optional.of(route + " asked of app-" + (instance.get() + 1) + ": " + why);
            }
        }
        return Optional.empty();
    }

    private static String abbreviate(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "...";
    }

    /** Waits for the failover probes and readiness waits still running. */
    void awaitBackground() throws InterruptedException {
        List<Thread> threads;
        synchronized (background) {
            threads = List.copyOf(background);
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    int kills() {
        return kills;
    }

    int brokerRestarts() {
        return brokerRestarts;
    }

    int pauses() {
        return pauses;
    }

    long rebalancesAfterPauses() {
        return rebalancesAfterPauses;
    }

    List<Double> failovers() {
        return List.copyOf(failovers);
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    private void background(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        synchronized (background) {
            background.add(thread);
        }
        thread.start();
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

}
