package com.cmobile.ecosystem.producers.file;

import static org.assertj.core.api.Assertions.assertThat;

import com.cmobile.ecosystem.events.PopAction;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.validation.EventValidator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PopLinesTest {

    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    static final EventValidator VALIDATOR = new EventValidator(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5));
    static final String GOOD = """
            {"eventId":"1b4e28ba-2fa1-11d2-883f-0016d3cca427","popId":"pop-sg-1","action":"COMMISSIONED","city":"Singapore",\
            "country":"SG","businessLocation":"CMobile International \u2014 Singapore","capacityMbps":400000,\
            "occurredAt":"2024-05-01T08:00:00Z","source":"noc"}""";

    static List<LineResult<PopCapacityEvent>> read(EventFormat format, String text) throws IOException {
        var results = new ArrayList<LineResult<PopCapacityEvent>>();
        EventFileReader.pops(format, VALIDATOR, "file-default").read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), results::add);
        return results;
    }

    static PopCapacityEvent accepted(LineResult<PopCapacityEvent> result) {
        assertThat(result).isInstanceOf(LineResult.Accepted.class);
        return ((LineResult.Accepted<PopCapacityEvent>) result).event();
    }

    static String reason(LineResult<?> result) {
        assertThat(result).isInstanceOf(LineResult.Rejected.class);
        return ((LineResult.Rejected<?>) result).reason();
    }

    @Test
    void aCompleteJsonLineBecomesTheEventItDescribes() throws IOException {
        PopCapacityEvent event = accepted(read(EventFormat.JSONL, GOOD).get(0));

        assertThat(event.getEventId()).isEqualTo(UUID.fromString("1b4e28ba-2fa1-11d2-883f-0016d3cca427"));
        assertThat(event.getPopId()).isEqualTo("pop-sg-1");
        assertThat(event.getAction()).isEqualTo(PopAction.COMMISSIONED);
        assertThat(event.getCity()).isEqualTo("Singapore");
        assertThat(event.getCountry()).isEqualTo("SG");
        assertThat(event.getBusinessLocation()).isEqualTo("CMobile International \u2014 Singapore");
        assertThat(event.getCapacityMbps()).isEqualTo(400_000L);
        assertThat(event.getOccurredAt()).isEqualTo(Instant.parse("2024-05-01T08:00:00Z"));
        assertThat(event.getSource()).isEqualTo("noc");
    }

    @Test
    void occurredAtMayBeEpochMillisecondsAsNumberOrText() throws IOException {
        var results = read(EventFormat.JSONL, GOOD.replace("\"2024-05-01T08:00:00Z\"", "1714550400000") + "\n"
                + GOOD.replace("\"2024-05-01T08:00:00Z\"", "\"1714550400000\""));

        assertThat(accepted(results.get(0)).getOccurredAt()).isEqualTo(Instant.ofEpochMilli(1_714_550_400_000L));
        assertThat(accepted(results.get(1)).getOccurredAt()).isEqualTo(Instant.ofEpochMilli(1_714_550_400_000L));
    }

    @Test
    void occurredAtMayCarryAnOffsetAndFractionsBelowAMillisecondAreDropped() throws IOException {
        var results = read(EventFormat.JSONL, GOOD.replace("2024-05-01T08:00:00Z", "2024-05-01T16:00:00+08:00") + "\n"
                + GOOD.replace("2024-05-01T08:00:00Z", "2024-05-01T08:00:00.123456789Z"));

        assertThat(accepted(results.get(0)).getOccurredAt()).isEqualTo(Instant.parse("2024-05-01T08:00:00Z"));
        assertThat(accepted(results.get(1)).getOccurredAt()).isEqualTo(Instant.parse("2024-05-01T08:00:00.123Z"));
    }

    @Test
    void aMissingEventIdIsDerivedFromTheContentSoReReadingGivesTheSameId() throws IOException {
        String withoutId = GOOD.replace("\"eventId\":\"1b4e28ba-2fa1-11d2-883f-0016d3cca427\",", "");

        UUID first = accepted(read(EventFormat.JSONL, withoutId).get(0)).getEventId();
        UUID second = accepted(read(EventFormat.JSONL, withoutId).get(0)).getEventId();
        UUID other = accepted(read(EventFormat.JSONL, withoutId.replace("400000", "500000")).get(0)).getEventId();

        assertThat(first).isEqualTo(second).isNotEqualTo(other);
    }

    @Test
    void aMissingSourceIsTheReadersDefault() throws IOException {
        PopCapacityEvent event = accepted(read(EventFormat.JSONL, GOOD.replace(",\"source\":\"noc\"", "")).get(0));

        assertThat(event.getSource()).isEqualTo("file-default");
    }

    @Test
    void enumSymbolsAreCaseInsensitive() throws IOException {
        PopCapacityEvent event = accepted(read(EventFormat.JSONL, GOOD.replace("COMMISSIONED", "capacity_changed")).get(0));

        assertThat(event.getAction()).isEqualTo(PopAction.CAPACITY_CHANGED);
    }

    @Test
    void aDecommissioningNeedsNoStateFields() throws IOException {
        PopCapacityEvent event = accepted(read(EventFormat.JSONL,
                "{\"popId\":\"pop-1\",\"action\":\"DECOMMISSIONED\",\"occurredAt\":\"2024-05-01T08:00:00Z\"}").get(0));

        assertThat(event.getCity()).isEmpty();
        assertThat(event.getCountry()).isEmpty();
        assertThat(event.getBusinessLocation()).isEmpty();
        assertThat(event.getCapacityMbps()).isZero();
    }

    @Test
    void everyProblemOfALineIsReportedTogether() throws IOException {
        String bad = "{\"popId\":\" \",\"action\":\"OPENED\",\"city\":\"Paris\",\"country\":\"XX\","
                + "\"businessLocation\":\"CMI\",\"capacityMbps\":\"lots\",\"occurredAt\":\"yesterday\",\"colour\":\"red\"}";

        String reason = reason(read(EventFormat.JSONL, bad).get(0));

        assertThat(reason).contains("colour").contains("unknown field")
                .contains("action").contains("OPENED")
                .contains("capacityMbps").contains("lots")
                .contains("occurredAt").contains("yesterday")
                .contains("XX")
                .contains("popId");
    }

    @Test
    void eachMissingRequiredFieldIsNamed() throws IOException {
        String reason = reason(read(EventFormat.JSONL, "{\"action\":\"COMMISSIONED\"}").get(0));

        assertThat(reason).contains("popId", "city", "country", "businessLocation", "capacityMbps", "occurredAt");
    }

    @Test
    void outOfRangeCapacityAndFutureTimestampAreRefusedByTheSharedValidation() throws IOException {
        String reason = reason(read(EventFormat.JSONL, GOOD.replace("400000", "-1")
                .replace("2024-05-01T08:00:00Z", "2025-06-01T13:00:00Z")).get(0));

        assertThat(reason).contains("capacityMbps").contains("occurredAt");
    }

    @Test
    void aMalformedEventIdIsRejected() throws IOException {
        assertThat(reason(read(EventFormat.JSONL, GOOD.replace("1b4e28ba-2fa1-11d2-883f-0016d3cca427", "1-2-3-4-5")).get(0)))
                .contains("eventId").contains("not a UUID");
    }

    @Test
    void malformedJsonIsRejectedWithItsLineNumberAndTheNextLinesAreStillRead() throws IOException {
        var results = read(EventFormat.JSONL, GOOD + "\n{\"popId\": \n\n" + GOOD + "\n[1,2]\n" + GOOD + " trailing");

        assertThat(results).extracting(LineResult::line).containsExactly(1L, 2L, 4L, 5L, 6L);
        assertThat(results.get(0)).isInstanceOf(LineResult.Accepted.class);
        assertThat(reason(results.get(1))).contains("malformed JSON");
        assertThat(results.get(2)).isInstanceOf(LineResult.Accepted.class);
        assertThat(reason(results.get(3))).contains("expected an object");
        assertThat(reason(results.get(4))).contains("after the closing");
    }

    @Test
    void aRejectionDescribesItselfAsLineNumberAndReason() throws IOException {
        var rejected = (LineResult.Rejected<?>) read(EventFormat.JSONL, "\n\nnot json").get(0);

        assertThat(rejected.describe()).startsWith("line 3: malformed JSON");
        assertThat(rejected.input()).isEqualTo("not json");
    }

    @Test
    void nestedValuesAndDuplicateFieldsAreRejected() throws IOException {
        var results = read(EventFormat.JSONL, GOOD.replace("\"noc\"", "{\"a\":1}") + "\n"
                + GOOD.replace("\"source\":\"noc\"", "\"source\":\"noc\",\"popId\":\"again\""));

        assertThat(reason(results.get(0))).contains("source").contains("not an object");
        assertThat(reason(results.get(1))).contains("popId").contains("twice");
    }

    @Test
    void csvWithAHeaderRowReadsTheSameFieldsAndCountsTheHeaderAsLineOne() throws IOException {
        String csv = """
                popId,action,city,country,businessLocation,capacityMbps,occurredAt
                pop-1,COMMISSIONED,"Washington, D.C.",US,"CMobile International \u2014 New York",100000,2024-01-01T00:00:00Z
                pop-2,DECOMMISSIONED,,,,,1704067200000
                """;

        var results = read(EventFormat.CSV, csv);

        assertThat(results).extracting(LineResult::line).containsExactly(2L, 3L);
        PopCapacityEvent first = accepted(results.get(0));
        assertThat(first.getCity()).isEqualTo("Washington, D.C.");
        assertThat(first.getCapacityMbps()).isEqualTo(100_000L);
        assertThat(accepted(results.get(1)).getAction()).isEqualTo(PopAction.DECOMMISSIONED);
    }

    @Test
    void csvRowsWithTheWrongNumberOfColumnsOrBrokenQuotesAreRejectedOnTheirOwn() throws IOException {
        String csv = "popId,action,occurredAt\npop-1,DECOMMISSIONED\n\"pop-2,DECOMMISSIONED,1704067200000\n"
                + "pop-3,DECOMMISSIONED,1704067200000\n";

        var results = read(EventFormat.CSV, csv);

        assertThat(reason(results.get(0))).contains("expected 3 columns");
        assertThat(reason(results.get(1))).contains("malformed CSV");
        assertThat(results.get(2)).isInstanceOf(LineResult.Accepted.class);
        assertThat(results).extracting(LineResult::line).containsExactly(2L, 3L, 4L);
    }

    @Test
    void aCsvHeaderNamingAnUnknownColumnStopsTheFileAtLineOne() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> read(EventFormat.CSV, "popId,capacity\npop-1,5\n"))
                .isInstanceOf(EventFileException.class)
                .hasMessageContaining("line 1").hasMessageContaining("capacity");
    }

    @Test
    void csvCellsAreTrimmed() throws IOException {
        var results = read(EventFormat.CSV, "popId , action , occurredAt\n pop-1 , DECOMMISSIONED , 1704067200000 \n");

        assertThat(accepted(results.get(0)).getPopId()).isEqualTo("pop-1");
    }

    @Test
    void aByteOrderMarkBeforeTheHeaderIsIgnored() throws IOException {
        var results = read(EventFormat.CSV, "\uFEFFpopId,action,occurredAt\npop-1,DECOMMISSIONED,1704067200000\n");

        assertThat(accepted(results.get(0)).getPopId()).isEqualTo("pop-1");
    }
}
