package com.cmobile.ecosystem.registry.server;

/** Small Avro schemas for evolution tests: a PoP record in several versions. */
final class Schemas {

    private static final String POP_ID = field("popId", "\"string\"");
    private static final String CAPACITY = field("capacityMbps", "\"long\"");

    static final String POP_V1 = record("Pop", POP_ID, CAPACITY);

    /** v1 plus an optional field with a default: backward compatible. */
    static final String POP_V2_OPTIONAL_CITY = record("Pop", POP_ID, CAPACITY,
            field("city", "[\"null\",\"string\"],\"default\":null"));

    /** v1 plus a required field without default: a new reader cannot read v1 data. */
    static final String POP_REQUIRED_CITY = record("Pop", POP_ID, CAPACITY, field("city", "\"string\""));

    /** v2 with city's default dropped: reads v2 data (city present) but not v1 data (no city). */
    static final String POP_V3_CITY_WITHOUT_DEFAULT = record("Pop", POP_ID, CAPACITY,
            field("city", "[\"null\",\"string\"]"));

    /** v1 without capacityMbps (which has no default): an old reader cannot read new data. */
    static final String POP_WITHOUT_CAPACITY = record("Pop", POP_ID);

    /** v1 with capacityMbps changed from long to string. */
    static final String POP_CAPACITY_AS_STRING = record("Pop", POP_ID, field("capacityMbps", "\"string\""));

    static final String PARTNER_V1 = record("Partner", field("partnerId", "\"string\""));

    private Schemas() {
    }

    /** A record in namespace {@code test.registry}, one field a line (the whitespace some tests strip). */
    private static String record(String name, String... fields) {
        return "{\"type\":\"record\",\"name\":\"" + name + "\",\"namespace\":\"test.registry\",\"fields\":[\n  "
                + String.join(",\n  ", fields) + "]}";
    }

    /** A field; {@code typeAndRest} is the JSON of its type, then any further attributes such as a default. */
    private static String field(String name, String typeAndRest) {
        return "{\"name\":\"" + name + "\",\"type\":" + typeAndRest + "}";
    }
}
