package com.cmobile.ecosystem.app.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void cursorRoundTripsAnyKeyIncludingSeparatorsAndAccents() {
        String key = "BR|são paulo";

        assertThat(PageRequest.keyOfCursor(PageRequest.cursorOf(key))).isEqualTo(key);
    }

    @Test
    void cursorIsUrlSafe() {
        assertThat(PageRequest.cursorOf("FR|île-de-france?/+")).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void malformedCursorIsRejectedNamingIt() {
        assertThatThrownBy(() -> PageRequest.keyOfCursor("not base64!"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not base64!");
    }

    @Test
    void keysSortAsTheirUtf8BytesLikeTheStores() {
        assertThat(KeyOrder.compare("FR|z", "FR|é")).isNegative();
        assertThat(KeyOrder.compare("FR|", "FR|a")).isNegative();
    }
}
