package com.cmobile.ecosystem.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The seed's figures that end the start_s clock. */
class StartTimeTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theSeedsFiguresStopTheClock() throws Exception {
        assertThat(StartTime.isSeed(json.readTree("{\"capacityMbps\":310000000,\"activePops\":360,\"cities\":284,"
                + "\"countries\":80,\"businessLocations\":40}"))).isTrue();
    }

    @Test
    void aSeedStillArrivingDoesNot() throws Exception {
        assertThat(StartTime.isSeed(json.readTree("{\"capacityMbps\":309990000,\"activePops\":359,\"cities\":284,"
                + "\"businessLocations\":40}"))).isFalse();
        assertThat(StartTime.isSeed(json.readTree("{\"capacityMbps\":0,\"activePops\":0,\"cities\":0,"
                + "\"businessLocations\":0}"))).isFalse();
    }
}
