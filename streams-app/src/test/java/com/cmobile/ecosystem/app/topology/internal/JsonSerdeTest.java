package com.cmobile.ecosystem.app.topology.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import com.cmobile.ecosystem.events.Program;
import org.junit.jupiter.api.Test;

/** The JSON stores' bytes are what their changelog topics already hold, so they must not drift. */
class JsonSerdeTest {

    private final JsonSerde<Day> serde = JsonSerde.of(Day.class);

    /** A store value of the shape the app writes: an enum, a date, numbers. */
    record Day(Program program, LocalDate day, long joined, long left) {
    }

    @Test
    void aStoreValueIsWrittenWithIsoDatesInFieldOrder() {
        var day = new Day(Program.GTI, LocalDate.of(2024, 2, 29), 3, 1);

        byte[] bytes = serde.serializer().serialize("some-store-changelog", day);

        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(
                "{\"program\":\"GTI\",\"day\":\"2024-02-29\",\"joined\":3,\"left\":1}");
    }

    @Test
    void aFieldAddedByANewerVersionIsIgnored() {
        byte[] newer = "{\"program\":\"GTI\",\"day\":\"2024-02-29\",\"joined\":3,\"left\":1,\"rejoined\":2}"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(serde.deserializer().deserialize("some-store-changelog", newer))
                .isEqualTo(new Day(Program.GTI, LocalDate.of(2024, 2, 29), 3, 1));
    }
}
