package com.cmobile.ecosystem.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.cmobile.ecosystem.registry.server.AvroCompatibility.VersionedSchema;
import com.cmobile.ecosystem.registry.CompatibilityLevel;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class AvroCompatibilityTest {

    private static Schema parse(String text) {
        return new Schema.Parser().parse(text);
    }

    @Test
    void aLocationInsideAUnionNamesTheField() {
        Schema reader = parse(Schemas.POP_V2_OPTIONAL_CITY);

        assertThat(AvroCompatibility.fieldPath(reader, "/fields/2/type/1")).isEqualTo("city");
        assertThat(AvroCompatibility.fieldPath(reader, "/fields/1/type")).isEqualTo("capacityMbps");
        assertThat(AvroCompatibility.fieldPath(reader, "")).isEmpty();
    }

    @Test
    void wideningIntToLongIsBackwardCompatible() {
        Schema oldSchema = parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"n\",\"type\":\"int\"}]}");
        Schema newSchema = parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"n\",\"type\":\"long\"}]}");

        var backward = AvroCompatibility.problems(CompatibilityLevel.BACKWARD, newSchema, List.of(new VersionedSchema(1, oldSchema)));
        var forward = AvroCompatibility.problems(CompatibilityLevel.FORWARD, newSchema, List.of(new VersionedSchema(1, oldSchema)));

        assertThat(backward).isEmpty();
        assertThat(forward).singleElement().asString().contains("n").contains("version 1 cannot read");
    }

    @Test
    void noneAndAnEmptyHistoryNeverComplain() {
        Schema schema = parse(Schemas.POP_V1);
        Schema changed = parse(Schemas.POP_CAPACITY_AS_STRING);

        assertThat(AvroCompatibility.problems(CompatibilityLevel.NONE, changed, List.of(new VersionedSchema(1, schema)))).isEmpty();
        assertThat(AvroCompatibility.problems(CompatibilityLevel.FULL_TRANSITIVE, changed, List.of())).isEmpty();
    }
}
