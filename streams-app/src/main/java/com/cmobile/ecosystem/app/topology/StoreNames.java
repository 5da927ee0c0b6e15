package com.cmobile.ecosystem.app.topology;

/**
 * Names of the queryable state stores. All keys are Strings ({@code Serdes.String()}) built by
 * {@link com.cmobile.ecosystem.app.topology.model.StoreKeys}; the owner of a key is found with
 * {@code KafkaStreams.queryMetadataForKey(store, key, Serdes.String().serializer())}; all are
 * queryable as {@code QueryableStoreTypes.keyValueStore()}.
 *
 * <p>The names are also the names of the changelog topics: renaming one is a breaking change.
 */
public final class StoreNames {

    /** popId → {@link com.cmobile.ecosystem.app.topology.model.PopState} (active or ended). */
    public static final String POP_STATE = "pop-state-store";
    /** partnerId → {@link com.cmobile.ecosystem.app.topology.model.PartnerMemberships}. */
    public static final String MEMBERSHIP_STATE = "membership-state-store";

    /**
     * {@code popId|time} → {@link com.cmobile.ecosystem.app.topology.model.PopState}: every version
     * of every PoP, one per distinct occurredAt, for as-of answers (keys built by
     * {@link com.cmobile.ecosystem.app.topology.model.StoreKeys#popVersion}).
     */
    public static final String POP_HISTORY = "pop-history-store";
    /**
     * {@code partnerId|PROGRAM|time} → {@link com.cmobile.ecosystem.app.topology.model.MembershipState}:
     * every version of every membership, for as-of answers.
     */
    public static final String MEMBERSHIP_HISTORY = "membership-history-store";

    /*
     * The first-level aggregates. Countries, regions, the world, programs and their regions are
     * added up from these when asked (the query layer's CapacityRollUp and AllianceRollUp).
     */

    /** {@code COUNTRY|city} → {@link com.cmobile.ecosystem.app.topology.model.CityCapacity}. */
    public static final String CITY_CAPACITY = "city-capacity-store";
    /** business location → {@link com.cmobile.ecosystem.app.topology.model.BusinessLocationCapacity}. */
    public static final String BUSINESS_LOCATION_CAPACITY = "business-location-capacity-store";

    /** {@code PROGRAM|COUNTRY} → {@link com.cmobile.ecosystem.app.topology.model.ProgramCountryAlliance}. */
    public static final String PROGRAM_COUNTRY_ALLIANCE = "program-country-alliance-store";
    /** {@code global} → {@link com.cmobile.ecosystem.app.topology.model.OrganisationCount}. */
    public static final String ORGANISATION_COUNT = "organisation-count-store";

    /*
     * Internal stores, not meant for queries. First, each input task's own bookkeeping of the sums
     * it sends (see PreAggregator): what it last sent per level and key.
     */
    public static final String POP_PARTIALS_SENT = "pop-partials-sent-store";
    public static final String MEMBERSHIP_PARTIALS_SENT = "membership-partials-sent-store";

    /** Then the latest sum of every input partition, per key of the first-level aggregates. */
    public static final String CITY_PARTIALS = "city-capacity-partials-store";
    public static final String BUSINESS_LOCATION_PARTIALS = "business-location-capacity-partials-store";
    public static final String PROGRAM_COUNTRY_PARTIALS = "program-country-alliance-partials-store";
    public static final String ORGANISATION_PARTIALS = "organisation-count-partials-store";

    private StoreNames() {
    }
}
