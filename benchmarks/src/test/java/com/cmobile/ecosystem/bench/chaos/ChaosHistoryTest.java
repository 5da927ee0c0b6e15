package com.cmobile.ecosystem.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.cmobile.ecosystem.bench.chaos.ChaosHistory.Kind;
import com.cmobile.ecosystem.bench.chaos.ChaosHistory.Producer;
import com.cmobile.ecosystem.bench.chaos.ChaosHistory.Send;
import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class ChaosHistoryTest {

    private static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");
    private final ChaosSettings settings = ChaosSettings.quick();

    @Test
    void theSameSeedGivesTheSameHistory() {
        assertThat(ChaosHistory.generate(settings, NOW).sends()).isEqualTo(ChaosHistory.generate(settings, NOW).sends());
    }

    @Test
    void mixesEveryKindOfRecordInTheSharesAskedFor() {
        var history = ChaosHistory.generate(settings, NOW);
        int n = history.sends().size();
        assertThat(n).isEqualTo(settings.events());
        long bad = history.count(Kind.INVALID) + history.count(Kind.UNDECODABLE);
        assertThat(bad).isBetween((long) (n * settings.invalidShare() / 2), (long) (n * settings.invalidShare() * 2));
        assertThat(history.count(Kind.UNDECODABLE)).isPositive();
        assertThat(history.count(Producer.PYTHON)).isBetween((long) (n * settings.pythonShare() / 3),
                (long) (n * settings.pythonShare() * 3));
    }

    @Test
    void holdsLateEventsAndExactDuplicates() {
        Map<String, Long> latest = new HashMap<>();
        Set<SpecificRecord> seen = new HashSet<>();
        int late = 0;
        int duplicates = 0;
        for (Send send : ChaosHistory.generate(settings, NOW).sends()) {
            if (send.kind() != Kind.VALID) {
                continue;
            }
            long at = occurredAt(send.event());
            if (!seen.add(send.event())) {
                duplicates++;
            } else if (at < latest.getOrDefault(send.key(), Long.MIN_VALUE)) {
                late++;
            }
            latest.merge(send.key(), at, Math::max);
        }
        assertThat(late).isGreaterThan(settings.events() / 100);
        assertThat(duplicates).isGreaterThan(settings.events() / 100);
    }

    /** The tie-break (later arrival) never decides between two different events of one key. */
    @Test
    void distinctEventsOfAKeyNeverShareAnInstant() {
        Map<String, Map<Long, SpecificRecord>> byKey = new HashMap<>();
        for (Send send : ChaosHistory.generate(settings, NOW).sends()) {
            if (send.kind() != Kind.VALID) {
                continue;
            }
            SpecificRecord before = byKey.computeIfAbsent(send.key(), k -> new HashMap<>())
                    .putIfAbsent(occurredAt(send.event()), send.event());
            assertThat(before == null || before.equals(send.event())).as("%s at the same instant as %s", send.event(),
                    before).isTrue();
        }
    }

    @Test
    void eachKeysValidEventsComeFromOneProducer() {
        Map<String, Set<Producer>> producers = new HashMap<>();
        for (Send send : ChaosHistory.generate(settings, NOW).sends()) {
            if (send.kind() == Kind.VALID) {
                producers.computeIfAbsent(send.key(), k -> new HashSet<>()).add(send.producer());
            }
        }
        assertThat(producers.values()).allSatisfy(p -> assertThat(p).hasSize(1));
    }

    @Test
    void undecodableRecordsAreDistinctAndNotConfluentFramedWithAKnownId() {
        assertThat(ChaosPublisher.undecodable(1)).isNotEqualTo(ChaosPublisher.undecodable(3));
        assertThat(List.of(ChaosPublisher.undecodable(2)[0], ChaosPublisher.undecodable(3)[0]))
                .containsExactly((byte) 7, (byte) 0);
    }

    private static long occurredAt(SpecificRecord event) {
        return event instanceof PopCapacityEvent pop ? pop.getOccurredAt().toEpochMilli()
                : ((PartnerOnboardingEvent) event).getOccurredAt().toEpochMilli();
    }
}
