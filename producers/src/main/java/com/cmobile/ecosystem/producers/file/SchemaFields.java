package com.cmobile.ecosystem.producers.file;

import com.cmobile.ecosystem.validation.Violation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.avro.Schema;

/** Helpers shared by the two event mappers. */
final class SchemaFields {

    private SchemaFields() {
    }

    /** The record's field names in schema order: the file contract is the Avro contract. */
    static Set<String> of(Schema schema) {
        var names = new LinkedHashSet<String>();
        schema.getFields().forEach(f -> names.add(f.name()));
        return Collections.unmodifiableSet(names);
    }

    /** Conversion problems first, then the validator's violations for fields not already reported. */
    static List<String> reasons(FieldValues values, List<Violation> violations) {
        var reasons = new ArrayList<>(values.problems());
        for (Violation v : violations) {
            if (!values.fieldsWithProblems().contains(v.field())) {
                reasons.add(v.message());
            }
        }
        return reasons;
    }

    /**
     * An eventId derived from the event's content, so publishing the same file twice publishes the
     * same events (and consumers treat the second run as repeats, not news).
     */
    static UUID contentId(String kind, Object... parts) {
        var text = new StringBuilder(kind);
        for (Object part : parts) {
            text.append('\u001f').append(part);
        }
        return UUID.nameUUIDFromBytes(text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
