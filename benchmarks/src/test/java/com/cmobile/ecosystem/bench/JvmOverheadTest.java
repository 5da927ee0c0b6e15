package com.cmobile.ecosystem.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class JvmOverheadTest {

    private static final String METRICS = """
            # HELP jvm_gc_pause_seconds Time spent in GC pause
            # TYPE jvm_gc_pause_seconds summary
            jvm_gc_pause_seconds_count{action="end of minor GC",cause="G1 Evacuation Pause",gc="G1 Young Generation"} 40
            jvm_gc_pause_seconds_sum{action="end of minor GC",cause="G1 Evacuation Pause",gc="G1 Young Generation"} 0.8
            jvm_gc_pause_seconds_count{action="end of major GC",cause="G1 Remark",gc="G1 Concurrent GC"} 2
            jvm_gc_pause_seconds_sum{action="end of major GC",cause="G1 Remark",gc="G1 Concurrent GC"} 0.01
            # HELP jvm_gc_pause_seconds_max Time spent in GC pause
            # TYPE jvm_gc_pause_seconds_max gauge
            jvm_gc_pause_seconds_max{action="end of minor GC",cause="G1 Evacuation Pause",gc="G1 Young Generation"} 0.05
            jvm_gc_concurrent_phase_time_seconds_count{action="end of concurrent GC pause",cause="No GC",gc="G1 Concurrent GC"} 9
            jvm_gc_concurrent_phase_time_seconds_sum{action="end of concurrent GC pause",cause="No GC",gc="G1 Concurrent GC"} 3.0
            """;

    @Test
    void addsUpEveryPauseOfEveryCollectorAndNothingConcurrent() {
        JvmOverhead pauses = JvmOverhead.of(METRICS, new JvmOverhead.ThreadCpu(0.2, 1.5));
        assertThat(pauses.pauses()).isEqualTo(42);
        assertThat(pauses.pauseSeconds()).isCloseTo(0.81, within(1e-9));
        assertThat(pauses.workerCpuSeconds()).isEqualTo(0.2);
        assertThat(pauses.jitCpuSeconds()).isEqualTo(1.5);
    }

    @Test
    void aPhaseIsTheDifferenceAndSaysHowLongThePausesWaited() {
        JvmOverhead phase = JvmOverhead.of(METRICS, new JvmOverhead.ThreadCpu(0.25, 3.5))
                .minus(new JvmOverhead(30, 0.4, 0.15, 2.0));
        assertThat(phase.pauses()).isEqualTo(12);
        assertThat(phase.describe())
                .isEqualTo("GC 12 pauses, 410 ms in all (mean 34.2 ms), workers 100 ms CPU; JIT 1,500 ms CPU");
        assertThat(JvmOverhead.of(METRICS, JvmOverhead.ThreadCpu.UNKNOWN).minus(new JvmOverhead(0, 0, 0.1, 1)).describe())
                .endsWith("workers unknown CPU; JIT unknown CPU");
    }

    @Test
    void tellsPauseWorkersAndCompilersFromOtherThreads() {
        // /proc/<pid>/task/<tid>/stat: utime and stime are the 14th and 15th fields.
        String worker = "4242 (GC Thread#1) S 1 1 1 0 -1 4194368 10 0 0 0 7 3 0 0 20 0 30 0 100 0 0";
        String vm = "4243 (VM Thread) S 1 1 1 0 -1 4194368 10 0 0 0 2 1 0 0 20 0 30 0 100 0 0";
        String other = "4244 (bench-1-StreamThread-1) R 1 1 1 0 -1 4194368 10 0 0 0 900 90 0 0 20 0 30 0 100 0 0";
        String concurrent = "4245 (G1 Conc#0) S 1 1 1 0 -1 4194368 10 0 0 0 50 5 0 0 20 0 30 0 100 0 0";
        String c2 = "4246 (C2 CompilerThre) R 1 1 1 0 -1 4194368 10 0 0 0 400 4 0 0 20 0 30 0 100 0 0";
        assertThat(JvmOverhead.kind(worker)).isEqualTo(JvmOverhead.Kind.GC_WORKER);
        assertThat(JvmOverhead.kind(vm)).isEqualTo(JvmOverhead.Kind.GC_WORKER);
        assertThat(JvmOverhead.kind(other)).isEqualTo(JvmOverhead.Kind.OTHER);
        assertThat(JvmOverhead.kind(concurrent)).isEqualTo(JvmOverhead.Kind.OTHER);
        assertThat(JvmOverhead.kind(c2)).isEqualTo(JvmOverhead.Kind.JIT);
        assertThat(AppProcess.cpuTicks(worker)).isEqualTo(10);
        assertThat(AppProcess.cpuTicks(c2)).isEqualTo(404);
    }

    @Test
    void readsThisJvmsOwnWorkersWhereProcExists() {
        var cpu = JvmOverhead.threadCpu(ProcessHandle.current().pid(), 100);
        double least = System.getProperty("os.name").startsWith("Linux") ? 0 : -1;
        assertThat(cpu.gcWorkers()).isGreaterThanOrEqualTo(least);
        assertThat(cpu.jit()).isGreaterThanOrEqualTo(least);
    }
}
