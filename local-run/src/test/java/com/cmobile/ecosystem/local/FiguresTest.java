package com.cmobile.ecosystem.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class FiguresTest {

    private static final String SEED_CAPACITY =
            "{\"capacityMbps\":310000000,\"activePops\":360,\"cities\":284,\"countries\":120,\"businessLocations\":40}";
    private static final String SEED_ALLIANCE = "{\"organisations\":800,\"programs\":["
            + "{\"program\":\"HAND_IN_HAND\",\"members\":29,\"partners\":0,\"subscribers\":3052400000,\"countries\":20},"
            + "{\"program\":\"ISTAR\",\"members\":0,\"partners\":500,\"subscribers\":0,\"countries\":90},"
            + "{\"program\":\"GTI\",\"members\":147,\"partners\":242,\"subscribers\":0,\"countries\":80},"
            + "{\"program\":\"ECOSYSTEM_ALLIANCE\",\"members\":12,\"partners\":0,\"subscribers\":0,\"countries\":10}]}";

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void seedAnswersMatchTheSeed() throws Exception {
        assertThat(figures(SEED_CAPACITY, SEED_ALLIANCE).matchSeed()).isTrue();
    }

    @Test
    void oneMissingPartnerIsNotTheSeed() throws Exception {
        Figures figures = figures(SEED_CAPACITY, SEED_ALLIANCE.replace("\"partners\":500", "\"partners\":499"));

        assertThat(figures.matchSeed()).isFalse();
    }

    @Test
    void summaryIsOneLineWithTheHeadlineFigures() throws Exception {
        String summary = figures(SEED_CAPACITY, SEED_ALLIANCE).summary();

        assertThat(summary).doesNotContain("\n")
                .startsWith("360 active PoPs in 284 cities, 40 business locations, 310,000,000 Mbps")
                .contains("; HAND_IN_HAND 29 members (3,052,400,000 subscribers); ISTAR 500 partners; GTI 147 members, 242 partners;");
    }

    @Test
    void answerWithoutAPromisedFieldIsRefusedNamingTheField() {
        assertThatThrownBy(() -> figures("{\"capacityMbps\":1}", SEED_ALLIANCE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("activePops");
    }

    private Figures figures(String capacity, String alliance) throws Exception {
        JsonNode c = mapper.readTree(capacity);
        JsonNode a = mapper.readTree(alliance);
        return Figures.fromApi(c, a);
    }
}
