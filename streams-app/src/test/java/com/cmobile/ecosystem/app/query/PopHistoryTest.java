package com.cmobile.ecosystem.app.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import com.cmobile.ecosystem.app.topology.model.PopState;
import com.cmobile.ecosystem.app.topology.model.StoreKeys;
import com.cmobile.ecosystem.events.Program;
import org.junit.jupiter.api.Test;

class PopHistoryTest {

    private static final Instant T1 = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant T2 = Instant.parse("2021-01-01T00:00:00Z");
    private static final Instant T3 = Instant.parse("2022-01-01T00:00:00Z");

    private static PopState state(long capacity, Instant at) {
        return new PopState("pop-1", true, "Paris", "FR", "CM Europe", capacity, at, "e-" + capacity);
    }

    @Test
    void theStateAsOfAnInstantIsTheLatestVersionNotAfterIt() {
        var history = new PopHistory("pop-1", List.of(state(100, T1), state(200, T2), state(300, T3)));

        assertThat(history.asOf(T2.minusNanos(1))).map(PopState::capacityMbps).contains(100L);
        assertThat(history.asOf(T2)).map(PopState::capacityMbps).contains(200L);
        assertThat(history.asOf(T3.plusSeconds(1))).map(PopState::capacityMbps).contains(300L);
    }

    @Test
    void nothingExistsBeforeTheFirstEvent() {
        var history = new PopHistory("pop-1", List.of(state(100, T2)));

        assertThat(history.asOf(T1)).isEmpty();
        assertThat(history.firstEvent()).contains(T2);
    }

    @Test
    void versionKeysSortLikeTheirTimesAndNameTheirKey() {
        var keys = List.of(StoreKeys.popVersion("pop|1", Instant.parse("1969-07-20T20:17:40Z")),
                StoreKeys.popVersion("pop|1", T1), StoreKeys.popVersion("pop|1", T1.plusNanos(1)),
                StoreKeys.popVersion("pop|1", T3));

        assertThat(keys).isSortedAccordingTo(KeyOrder.COMPARATOR);
        assertThat(keys).allMatch(key -> StoreKeys.idOfVersion(key).equals("pop|1"));
        assertThat(StoreKeys.partnerOfVersion(StoreKeys.membershipVersion("p|2", Program.GTI, T1)))
                .isEqualTo("p|2");
    }
}
