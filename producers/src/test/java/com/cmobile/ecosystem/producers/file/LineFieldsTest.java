package com.cmobile.ecosystem.producers.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LineFieldsTest {

    @Test
    void fieldsAreFoundByEqualNamesNotOnlyByTheSameInstance() {
        var fields = new LineFields();
        fields.add(new String("popId"), "pop-1");

        assertThat(fields.get("popId")).isEqualTo("pop-1");
        assertThat(fields.containsKey(new String("popId"))).isTrue();
        assertThat(fields.get("city")).isNull();
        assertThat(fields.containsKey("city")).isFalse();
    }

    @Test
    void aSecondFieldOfTheSameNameIsRefusedAndTheFirstKept() {
        var fields = new LineFields();

        assertThat(fields.add("a", "1")).isTrue();
        assertThat(fields.add("a", "2")).isFalse();
        assertThat(fields).isEqualTo(Map.of("a", "1"));
    }

    @Test
    void manyFieldsKeepTheirOrderAndEqualAHashMapOfTheSameFields() {
        var fields = new LineFields();
        var expected = new java.util.LinkedHashMap<String, String>();
        for (int i = 0; i < 40; i++) {
            fields.add("f" + i, "v" + i);
            expected.put("f" + i, "v" + i);
        }

        assertThat(fields.keySet()).containsExactlyElementsOf(expected.keySet());
        assertThat(fields).isEqualTo(expected).hasSize(40);
        assertThat(expected).isEqualTo(fields);
    }
}
