package com.cmobile.ecosystem.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CountriesTest {

    @Test
    void allTwoHundredFortyNineAssignedCodesAreKnown() {
        assertThat(Countries.codes()).hasSize(249).allMatch(code -> code.matches("[A-Z]{2}"));
    }

    @Test
    void codesIterateAlphabetically() {
        assertThat(List.copyOf(Countries.codes())).isSorted().startsWith("AD").endsWith("ZW");
    }

    @ParameterizedTest
    @CsvSource({
        "CN, ASIA", "HK, ASIA", "TW, ASIA", "CY, ASIA", "GE, ASIA", "TR, ASIA",
        "RU, EUROPE", "GB, EUROPE", "AX, EUROPE", "SJ, EUROPE",
        "US, AMERICAS", "GL, AMERICAS", "BV, AMERICAS", "GS, AMERICAS",
        "EG, AFRICA", "IO, AFRICA", "TF, AFRICA", "RE, AFRICA",
        "AU, OCEANIA", "HM, OCEANIA", "UM, OCEANIA",
        "AQ, ANTARCTICA"})
    void regionFollowsUnM49(String code, Region region) {
        assertThat(Countries.regionOf(code)).contains(region);
    }

    @ParameterizedTest
    @ValueSource(strings = {"XK", "ZZ", "AA", "EU", "UK", "gb", " GB", "GBR", ""})
    void codesNotAssignedByIsoAreRejected(String code) {
        assertThat(Countries.isAssigned(code)).isFalse();
        assertThat(Countries.regionOf(code)).isEmpty();
        assertThat(Countries.nameOf(code)).isEmpty();
    }

    @Test
    void nullIsNotAnAssignedCode() {
        assertThat(Countries.isAssigned(null)).isFalse();
        assertThat(Countries.regionOf(null)).isEmpty();
    }

    @Test
    void namesAreTheEnglishShortNames() {
        assertThat(Countries.nameOf("DE")).contains("Germany");
        assertThat(Countries.nameOf("CI")).contains("Côte d'Ivoire");
        assertThat(Countries.nameOf("TW")).contains("Taiwan, Province of China");
    }

    @Test
    void everyRegionHasCountriesAndAntarcticaOnlyOne() {
        Map<Region, Long> perRegion = Countries.codes().stream()
                .collect(Collectors.groupingBy(code -> Countries.regionOf(code).orElseThrow(), Collectors.counting()));
        assertThat(perRegion.keySet()).containsExactlyInAnyOrder(Region.values());
        assertThat(perRegion).containsEntry(Region.ANTARCTICA, 1L);
        assertThat(Arrays.stream(Region.values()).map(perRegion::get).mapToLong(Long::longValue).sum()).isEqualTo(249);
    }

    @Test
    void codesAreUnmodifiable() {
        assertThat(Countries.codes()).isUnmodifiable();
    }
}
