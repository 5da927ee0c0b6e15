package com.cmobile.ecosystem.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/** The max_key_qps search: doubling, then bisecting between the last pass and the first failure. */
class RateSearchTest {

    @Test
    void doublesUntilAFailureThenBisectsToWithinThePrecision() {
        var search = new RateSearch(1_000, 64_000, 0.05, 20);

        List<Integer> tried = run(search, rate -> rate <= 9_300);

        assertThat(tried).startsWith(1_000, 2_000, 4_000, 8_000, 16_000, 12_000, 10_000, 9_000);
        assertThat(search.best()).isBetween((int) (9_300 / 1.05), 9_300);
        assertThat(search.reachedMax()).isFalse();
    }

    @Test
    void stopsAtTheCapWhenEveryRatePasses() {
        var search = new RateSearch(1_000, 6_000, 0.05, 20);

        List<Integer> tried = run(search, rate -> true);

        assertThat(tried).containsExactly(1_000, 2_000, 4_000, 6_000);
        assertThat(search.best()).isEqualTo(6_000);
        assertThat(search.reachedMax()).isTrue();
    }

    @Test
    void halvesBelowTheFirstRateWhenItFails() {
        var search = new RateSearch(1_000, 64_000, 0.05, 20);

        List<Integer> tried = run(search, rate -> rate <= 300);

        assertThat(tried).startsWith(1_000, 500, 250);
        assertThat(search.best()).isBetween(286, 300);
    }

    @Test
    void nothingPassingGivesZero() {
        var search = new RateSearch(1_000, 64_000, 0.05, 20);

        run(search, rate -> false);

        assertThat(search.best()).isZero();
    }

    @Test
    void neverTakesMoreThanItsSteps() {
        var search = new RateSearch(1_000, 64_000, 0.001, 6);

        assertThat(run(search, rate -> rate <= 9_300)).hasSize(6);
    }

    @Test
    void refusesASearchThatCannotStart() {
        assertThatThrownBy(() -> new RateSearch(1_000, 500, 0.05, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateSearch(1_000, 2_000, 0, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Integer> run(RateSearch search, IntPredicate passes) {
        List<Integer> tried = new ArrayList<>();
        for (var rate = search.next(); rate.isPresent(); rate = search.next()) {
            tried.add(rate.getAsInt());
            search.record(rate.getAsInt(), passes.test(rate.getAsInt()));
        }
        return tried;
    }
}
