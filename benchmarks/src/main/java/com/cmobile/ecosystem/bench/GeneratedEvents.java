package com.cmobile.ecosystem.bench;

import com.cmobile.ecosystem.app.oracle.NaiveAnswers;
import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.events.Topics;
import com.cmobile.ecosystem.producers.simulator.LoadGenerator;
import com.cmobile.ecosystem.serde.EventSerdes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The throughput phase's input, generated and serialized (project wire format, schemas registered)
 * before anything is timed, so that neither generation nor serialization counts against the
 * pipeline. Events come from the producers' {@link LoadGenerator} (a realistic mix of PoP and
 * partner events over thousands of keys, about 3% late), one millisecond apart, all in the past.
 */
final class GeneratedEvents {

    final byte[][] keys;
    final byte[][] values;
    final long[] timestamps;
    /** True for a {@code pop-capacity} record, false for {@code partner-onboarding}. */
    final boolean[] pop;
    final int pops;
    /** Every generated event applied, in publish order: what the app must answer once it has read them. */
    final NaiveAnswers expected;

    private GeneratedEvents(byte[][] keys, byte[][] values, long[] timestamps, boolean[] pop, int pops,
                            NaiveAnswers expected) {
        this.keys = keys;
        this.values = values;
        this.timestamps = timestamps;
        this.pop = pop;
        this.pops = pops;
        this.expected = expected;
    }

    static GeneratedEvents generate(BenchSettings settings, String schemaRegistryUrl) {
        Map<String, Object> serdeConfig = Map.of("schema.registry.url", schemaRegistryUrl);
        try (Serializer<PopCapacityEvent> popSerializer = EventSerdes.popCapacity(serdeConfig).serializer();
             Serializer<PartnerOnboardingEvent> partnerSerializer = EventSerdes.partnerOnboarding(serdeConfig).serializer()) {
            int n = settings.events();
            var generator = new LoadGenerator(settings.seed(), settings.popKeys(), settings.partnerKeys());
            var expected = new NaiveAnswers();
            byte[][] keys = new byte[n][];
            byte[][] values = new byte[n][];
            long[] timestamps = new long[n];
            boolean[] pop = new boolean[n];
            int pops = 0;
            // One event per millisecond ending well before now: the broker rejects timestamps more
            // than an hour ahead, and the late events (up to 2 h back) stay valid too.
            Instant first = Instant.now().minus(Duration.ofMinutes(5)).minusMillis(n);
            for (int i = 0; i < n; i++) {
                SpecificRecord event = generator.next(first.plusMillis(i));
                if (event instanceof PopCapacityEvent p) {
                    expected.apply(p);
                    keys[i] = p.getPopId().getBytes(StandardCharsets.UTF_8);
                    values[i] = popSerializer.serialize(Topics.POP_CAPACITY, p);
                    timestamps[i] = p.getOccurredAt().toEpochMilli();
                    pop[i] = true;
                    pops++;
                } else {
                    PartnerOnboardingEvent e = (PartnerOnboardingEvent) event;
                    expected.apply(e);
                    keys[i] = e.getPartnerId().getBytes(StandardCharsets.UTF_8);
                    values[i] = partnerSerializer.serialize(Topics.PARTNER_ONBOARDING, e);
                    timestamps[i] = e.getOccurredAt().toEpochMilli();
                }
            }
            return new GeneratedEvents(keys, values, timestamps, pop, pops, expected);
        }
    }

    int size() {
        return keys.length;
    }

    long bytes() {
        long total = 0;
        for (int i = 0; i < keys.length; i++) {
            total += keys[i].length + values[i].length;
        }
        return total;
    }
}
