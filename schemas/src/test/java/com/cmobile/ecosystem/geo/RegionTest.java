package com.cmobile.ecosystem.geo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegionTest {

    @Test
    void fromNameIgnoresCaseAndSurroundingBlanks() {
        assertThat(Region.fromName(" asia ")).contains(Region.ASIA);
        assertThat(Region.fromName("Antarctica")).contains(Region.ANTARCTICA);
    }

    @Test
    void fromNameIsEmptyForUnknownOrMissingNames() {
        assertThat(Region.fromName("Atlantis")).isEmpty();
        assertThat(Region.fromName("")).isEmpty();
        assertThat(Region.fromName(null)).isEmpty();
    }
}
