package com.cmobile.ecosystem.app.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class PeriodsTest {

    @Test
    void aPeriodEndsAtTheLastInstantBeforeTheNextOneStarts() {
        var periods = Periods.MONTH.between(Instant.parse("2023-11-15T10:00:00Z"), Instant.parse("2024-01-02T00:00:00Z"));

        assertThat(periods).extracting(Periods.Period::start).containsExactly(LocalDate.parse("2023-11-01"),
                LocalDate.parse("2023-12-01"), LocalDate.parse("2024-01-01"));
        assertThat(periods.get(1).end()).isEqualTo(Instant.parse("2023-12-31T23:59:59.999999999Z"));
    }

    @Test
    void weeksStartOnMonday() {
        assertThat(Periods.WEEK.startOf(Instant.parse("2024-01-07T23:00:00Z"))).isEqualTo(LocalDate.parse("2024-01-01"));
    }

    @Test
    void twentyYearsByMonthFitButThreeYearsByDayDoNot() {
        assertThat(Periods.MONTH.between(Instant.parse("2006-01-01T00:00:00Z"), Instant.parse("2025-12-31T00:00:00Z")))
                .hasSize(240);
        assertThatThrownBy(() -> Periods.DAY.between(Instant.parse("2021-01-01T00:00:00Z"),
                Instant.parse("2024-01-01T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 1000 points");
    }
}
