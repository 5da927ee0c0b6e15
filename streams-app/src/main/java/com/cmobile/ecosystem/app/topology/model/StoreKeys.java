package com.cmobile.ecosystem.app.topology.model;

import java.time.LocalDate;
import java.util.Locale;

import com.cmobile.ecosystem.events.Program;
import com.cmobile.ecosystem.geo.Region;

/**
 * How the String keys of the aggregate stores are built, so that writers (the topology) and
 * readers (the query layer) agree. All keys are serialized with {@code Serdes.String()}.
 */
public final class StoreKeys {

    /** Key of the single entry of the global stores. */
    public static final String GLOBAL = "global";

    /** Separator between the parts of a composite key; never part of a country or program code. */
    public static final String SEPARATOR = "|";

    private StoreKeys() {
    }

    /** {@code COUNTRY|city}: the city name trimmed and lower-cased (Locale.ROOT). */
    public static String city(String country, String city) {
        return country + SEPARATOR + normaliseCity(city);
    }

    /** Cities are the same when their names match ignoring case and surrounding blanks. */
    public static String normaliseCity(String city) {
        return city.strip().toLowerCase(Locale.ROOT);
    }

    /** {@code PROGRAM|COUNTRY}, e.g. {@code GTI|FR}. */
    public static String programCountry(Program program, String country) {
        return program.name() + SEPARATOR + country;
    }

    /** {@code PROGRAM|REGION}, e.g. {@code GTI|EUROPE}. */
    public static String programRegion(Program program, Region region) {
        return program.name() + SEPARATOR + region.name();
    }

    /**
     * {@code PROGRAM|yyyy-MM-dd} (UTC day). ISO dates sort like the days they name, so a range
     * scan from {@code growth(p, from)} to {@code growth(p, to)} returns the days in order.
     */
    public static String growth(Program program, LocalDate day) {
        return program.name() + SEPARATOR + day;
    }
}
