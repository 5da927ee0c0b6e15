package com.cmobile.ecosystem.app.query;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The UTC periods of a series: days, ISO weeks (from Monday), calendar months or years. A point of a
 * series is named by the first day of its period and gives the figures as of the period's end.
 */
public enum Periods {
    DAY(ChronoUnit.DAYS), WEEK(ChronoUnit.WEEKS), MONTH(ChronoUnit.MONTHS), YEAR(ChronoUnit.YEARS);

    /** The most points one series request may ask for. */
    public static final int MAX_POINTS = 1000;

    private final ChronoUnit unit;

    Periods(ChronoUnit unit) {
        this.unit = unit;
    }

    /** One period: its first day, and its end, the last instant it holds (the instant before the next one starts). */
    public record Period(LocalDate start, Instant end, Instant next) {
        public Instant startInstant() {
            return start.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
    }

    public static Optional<Periods> named(String name) {
        for (Periods periods : values()) {
            if (periods.label().equals(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(periods);
            }
        }
        return Optional.empty();
    }

    /** The name in requests and answers: {@code day}, {@code week}, {@code month}, {@code year}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The first day of the period holding {@code at}. */
    public LocalDate startOf(Instant at) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            case YEAR -> day.withDayOfYear(1);
        };
    }

    /** How many periods from the one holding {@code from} to the one holding {@code to}, both included. */
    public long count(Instant from, Instant to) {
        return unit.between(startOf(from), startOf(to)) + 1;
    }

    /**
     * The periods from the one holding {@code from} to the one holding {@code to}.
     *
     * @throws IllegalArgumentException when {@code from} is after {@code to} or there would be more than {@link #MAX_POINTS}
     */
    public List<Period> between(Instant from, Instant to) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("'from' (" + from + ") is after 'to' (" + to + ")");
        }
        long count = count(from, to);
        if (count > MAX_POINTS) {
            throw new IllegalArgumentException("at most " + MAX_POINTS + " points per request, asked " + count
                    + " (" + label() + "s from " + startOf(from) + " to " + startOf(to) + "): narrow from/to or take a longer period");
        }
        var periods = new ArrayList<Period>((int) count);
        LocalDate start = startOf(from);
        for (int i = 0; i < count; i++) {
            LocalDate following = start.plus(1, unit);
            Instant next = following.atStartOfDay(ZoneOffset.UTC).toInstant();
            periods.add(new Period(start, next.minusNanos(1), next));
            start = following;
        }
        return periods;
    }
}
