package com.cmobile.ecosystem.app.topology;

import static com.cmobile.ecosystem.app.topology.Events.commissioned;
import static com.cmobile.ecosystem.app.topology.Events.joined;
import static com.cmobile.ecosystem.app.topology.TopologyFixture.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.cmobile.ecosystem.app.topology.model.GlobalCapacity;
import com.cmobile.ecosystem.events.PartnerRole;
import com.cmobile.ecosystem.events.PopAction;
import com.cmobile.ecosystem.events.Program;
import com.cmobile.ecosystem.events.Topics;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeadLetterTopologyTest {

    private static final Instant T1 = Instant.parse("2025-01-10T08:00:00Z");

    private final TopologyFixture fixture = new TopologyFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void undeserializableBytesGoToTheDlqWithOriginalKeyValueAndHeaders() {
        byte[] garbage = {1, 2, 3, 4, 5, 6};
        var headers = new RecordHeaders().add("trace-id", utf8("abc"));

        fixture.sendPop(utf8("pop-1"), garbage, headers);

        var dead = single(fixture.popDeadLetters());
        assertThat(dead.key()).isEqualTo(utf8("pop-1"));
        assertThat(dead.value()).isEqualTo(garbage);
        assertThat(header(dead, "trace-id")).contains("abc");
        assertThat(header(dead, DeadLetterHeaders.REASONS)).contains("deserialization");
        assertThat(header(dead, DeadLetterHeaders.SOURCE_TOPIC)).contains(Topics.POP_CAPACITY);
        assertThat(header(dead, DeadLetterHeaders.SOURCE_PARTITION)).contains("0");
        assertThat(header(dead, DeadLetterHeaders.SOURCE_OFFSET)).contains("0");
        assertThat(header(dead, DeadLetterHeaders.MESSAGE)).isPresent();
        assertThat(header(dead, DeadLetterHeaders.FAILED_AT)).isPresent();
    }

    @Test
    void recordWithoutValueGoesToTheDlq() {
        fixture.sendPartner(utf8("p1"), null);

        var dead = single(fixture.partnerDeadLetters());
        assertThat(dead.value()).isNull();
        assertThat(header(dead, DeadLetterHeaders.REASONS)).contains("deserialization");
    }

    @Test
    void futureDatedEventGoesToTheDlqAndTouchesNoAggregate() {
        var future = TopologyFixture.NOW.plus(Duration.ofMinutes(6));
        var event = commissioned("pop-1", "Paris", "FR", "CMI Europe", 100, future);

        fixture.send(event);

        var dead = single(fixture.popDeadLetters());
        assertThat(dead.value()).isEqualTo(fixture.popBytes(event));
        assertThat(header(dead, DeadLetterHeaders.REASONS)).contains("future-timestamp");
        assertThat(fixture.all(StoreNames.POP_STATE)).isEmpty();
        assertThat(fixture.global()).isEmpty();
    }

    @Test
    void eventDatedWithinTheToleranceIsAccepted() {
        fixture.send(commissioned("pop-1", "Paris", "FR", "CMI Europe", 100,
                TopologyFixture.NOW.plus(Duration.ofMinutes(4))));

        assertThat(fixture.popDeadLetters()).isEmpty();
        assertThat(fixture.global()).hasSize(1);
    }

    @Test
    void invalidEventListsEveryReason() {
        var event = commissioned("pop-1", " ", "XX", "CMI Europe", -5, T1);

        fixture.send(event);

        var dead = single(fixture.popDeadLetters());
        assertThat(header(dead, DeadLetterHeaders.REASONS).orElseThrow().split(","))
                .containsExactlyInAnyOrder("blank", "unknown-country", "out-of-range");
        assertThat(header(dead, DeadLetterHeaders.MESSAGE).orElseThrow()).contains("city", "country", "capacityMbps");
    }

    @Test
    void unknownEnumValueGoesToTheDlq() {
        fixture.send(Events.pop(PopAction.UNKNOWN, "pop-1", "Paris", "FR", "CMI Europe", 100, T1));
        fixture.send(joined("p1", Program.UNKNOWN, PartnerRole.MEMBER, "FR", 1L, T1));

        assertThat(header(single(fixture.popDeadLetters()), DeadLetterHeaders.REASONS)).contains("unknown-value");
        assertThat(header(single(fixture.partnerDeadLetters()), DeadLetterHeaders.REASONS)).contains("unknown-value");
    }

    @Test
    void unknownCountryOfAPartnerGoesToTheDlq() {
        fixture.send(joined("p1", Program.GTI, PartnerRole.MEMBER, "ZZ", 1L, T1));

        assertThat(header(single(fixture.partnerDeadLetters()), DeadLetterHeaders.REASONS)).contains("unknown-country");
        assertThat(fixture.all(StoreNames.MEMBERSHIP_STATE)).isEmpty();
    }

    @Test
    void recordKeyedOtherwiseThanItsIdGoesToTheDlq() {
        var event = commissioned("pop-1", "Paris", "FR", "CMI Europe", 100, T1);

        fixture.sendPop(utf8("pop-2"), fixture.popBytes(event));

        var dead = single(fixture.popDeadLetters());
        assertThat(dead.key()).isEqualTo(utf8("pop-2"));
        assertThat(header(dead, DeadLetterHeaders.REASONS)).contains("key-mismatch");
        assertThat(fixture.all(StoreNames.POP_STATE)).isEmpty();
    }

    @Test
    void processingContinuesAfterARejectedRecord() {
        fixture.sendPop(utf8("pop-1"), new byte[] {0});

        fixture.send(commissioned("pop-1", "Paris", "FR", "CMI Europe", 100, T1));

        assertThat(fixture.globalCapacity())
                .contains(new GlobalCapacity(100, 1, 1, 1, 1));
    }

    @Test
    void listenerIsToldOncePerReasonAndDlq() {
        fixture.send(commissioned("pop-1", " ", "XX", "CMI Europe", 100, T1));
        fixture.sendPartner(utf8("p1"), new byte[] {9, 9});

        assertThat(fixture.deadLettered).containsExactlyInAnyOrder(
                "pop-capacity-dlq:blank", "pop-capacity-dlq:unknown-country",
                "partner-onboarding-dlq:deserialization");
    }

    @Test
    void validRecordsNeverReachTheDlq() {
        fixture.send(commissioned("pop-1", "Paris", "FR", "CMI Europe", 100, T1));
        fixture.send(joined("p1", Program.GTI, PartnerRole.MEMBER, "FR", 1L, T1));

        assertThat(fixture.popDeadLetters()).isEmpty();
        assertThat(fixture.partnerDeadLetters()).isEmpty();
    }

    @Test
    void unreachableRegistryStopsProcessingInsteadOfDeadLetteringGoodRecords() {
        try (var unreachable = TopologyFixture.withTopologyRegistry("http://127.0.0.1:9")) {
            var event = commissioned("pop-1", "Paris", "FR", "CMI Europe", 100, T1);

            assertThatThrownBy(() -> unreachable.send(event)).isInstanceOf(StreamsException.class);

            assertThat(unreachable.popDeadLetters()).isEmpty();
            assertThat(unreachable.deadLettered).isEmpty();
        }
    }

    private static TestRecord<byte[], byte[]> single(java.util.List<TestRecord<byte[], byte[]>> records) {
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    private static Optional<String> header(TestRecord<byte[], byte[]> record, String key) {
        return DeadLetterHeaders.read(record.headers(), key);
    }
}
