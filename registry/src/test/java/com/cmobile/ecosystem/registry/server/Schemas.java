package com.cmobile.ecosystem.registry.server;

/** Small Avro schemas for evolution tests: a PoP record in several versions. */
final class Schemas {

    private Schemas() {
    }

    static final String POP_V1 = """
            {"type":"record","name":"Pop","namespace":"test.registry","fields":[
              {"name":"popId","type":"string"},
              {"name":"capacityMbps","type":"long"}]}""";

    /** v1 plus an optional field with a default: backward compatible. */
    static final String POP_V2_OPTIONAL_CITY = """
            {"type":"record","name":"Pop","namespace":"test.registry","fields":[
              {"name":"popId","type":"string"},
              {"name":"capacityMbps","type":"long"},
              {"name":"city","type":["null","string"],"default":null}]}""";

    /** v1 plus a required field without default: a new reader cannot read v1 data. */
    static final String POP_REQUIRED_CITY = """
            {"type":"record","name":"Pop","namespace":"test.registry","fields":[
              {"name":"popId","type":"string"},
              {"name":"capacityMbps","type":"long"},
              {"name":"city","type":"string"}]}""";

    /** v2 with city's default dropped: reads v2 data (city present) but not v1 data (no city). */
    static final String POP_V3_CITY_WITHOUT_DEFAULT = """
            {"type":"record","name":"Pop","namespace":"test.registry","fields":[
              {"name":"popId","type":"string"},
              {"name":"capacityMbps","type":"long"},
              {"name":"city","type":["null","string"]}]}""";

    /** v1 without capacityMbps (which has no default): an old reader cannot read new data. */
    static final String POP_WITHOUT_CAPACITY = """
            {"type":"record","name":"Pop","namespace":"test.registry","fields":[
              {"name":"popId","type":"string"}]}""";

    /** v1 with capacityMbps changed from long to string. */
    static final String POP_CAPACITY_AS_STRING = """
            {"type":"record","name":"Pop","namespace":"test.registry","fields":[
              {"name":"popId","type":"string"},
              {"name":"capacityMbps","type":"string"}]}""";

    static final String PARTNER_V1 = """
            {"type":"record","name":"Partner","namespace":"test.registry","fields":[
              {"name":"partnerId","type":"string"}]}""";
}
