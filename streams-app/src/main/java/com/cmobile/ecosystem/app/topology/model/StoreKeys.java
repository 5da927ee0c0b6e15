package com.cmobile.ecosystem.app.topology.model;

import java.time.Instant;
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
     * {@code popId|time}: one version of a PoP's history in {@code pop-history-store}. The time is
     * fixed-width digits, so a key's versions sort by time and a prefix scan of
     * {@link #versionsOf(String)} returns them in order (after the versions of ids that extend this
     * one with a separator, which {@link #idOfVersion(String)} tells apart).
     */
    public static String popVersion(String popId, Instant at) {
        return popId + SEPARATOR + sortableTime(at);
    }

    /** {@code partnerId|PROGRAM|time}: one version of a membership in {@code membership-history-store}. */
    public static String membershipVersion(String partnerId, Program program, Instant at) {
        return partnerId + SEPARATOR + program.name() + SEPARATOR + sortableTime(at);
    }

    /** The prefix of every version key of {@code id} (a popId, a partnerId). */
    public static String versionsOf(String id) {
        return id + SEPARATOR;
    }

    /** The popId of a {@link #popVersion} key, or the {@code partnerId|PROGRAM} of a {@link #membershipVersion} key. */
    public static String idOfVersion(String versionKey) {
        return versionKey.substring(0, versionKey.lastIndexOf(SEPARATOR));
    }

    /** The partnerId of a {@link #membershipVersion} key. */
    public static String partnerOfVersion(String versionKey) {
        String membership = idOfVersion(versionKey);
        return membership.substring(0, membership.lastIndexOf(SEPARATOR));
    }

    /**
     * Seconds since 1970 shifted to be positive for any year after about -1600, in 13 digits, then the
     * nanoseconds in 9: digit strings of one length sort like the instants they name.
     */
    private static String sortableTime(Instant at) {
        return String.format(Locale.ROOT, "%013d%09d", at.getEpochSecond() + 100_000_000_000L, at.getNano());
    }
}
