package com.cmobile.ecosystem.bench.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The faults of a run, fixed by the seed before anything starts, so that a failing run can be
 * replayed: kills of a random instance (restarted on its state directory, or on an empty one),
 * clean restarts of one broker at a time and pauses (SIGSTOP, SIGCONT) of a random instance,
 * spread evenly with some jitter over the middle of the load period.
 */
record FaultPlan(List<Fault> faults) {

    enum Type { KILL, BROKER_RESTART, PAUSE }

    /**
     * @param at         when, from the start of the load
     * @param target     the instance (0-based; killed or paused) or broker node (0-based)
     * @param emptyState for a kill: the restart begins on an empty state directory
     */
    record Fault(Duration at, Type type, int target, boolean emptyState) {
        String describe() {
            return String.format(Locale.ROOT, "+%5.1f s %s", at.toMillis() / 1000.0, switch (type) {
                case KILL -> "kill -9 instance " + (target + 1) + ", restart on "
                        + (emptyState ? "an EMPTY state directory" : "its state directory");
                case BROKER_RESTART -> "stop and restart broker " + target;
                case PAUSE -> "pause instance " + (target + 1) + " (SIGSTOP, then SIGCONT)";
            });
        }
    }

    static FaultPlan generate(ChaosSettings settings) {
        var random = new Random(settings.seed() ^ 0x5DEECE66DL);
        List<Type> types = new ArrayList<>();
        for (int i = 0; i < settings.kills(); i++) {
            types.add(Type.KILL);
        }
        for (int i = 0; i < settings.brokerRestarts(); i++) {
            types.add(Type.BROKER_RESTART);
        }
        for (int i = 0; i < settings.pauses(); i++) {
            types.add(Type.PAUSE);
        }
        Collections.shuffle(types, random);
        long load = settings.load().toMillis();
        long first = load / 8;
        long spacing = types.isEmpty() ? 0 : (load * 3 / 4) / types.size();
        List<Fault> faults = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            long jitter = (long) ((random.nextDouble() - 0.5) * spacing * 0.4);
            // The jitter of a lone fault (one spacing wide) could put it before the load starts.
            Duration at = Duration.ofMillis(Math.max(first / 2, first + i * spacing + jitter));
            Type type = types.get(i);
            int target = random.nextInt(type == Type.BROKER_RESTART ? settings.brokers() : settings.instances());
            boolean empty = type == Type.KILL && random.nextDouble() < settings.emptyStateShare();
            faults.add(new Fault(at, type, target, empty));
        }
        return new FaultPlan(List.copyOf(faults));
    }
}
