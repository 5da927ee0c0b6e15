package com.cmobile.ecosystem.registry.server;

import java.util.ArrayList;
import java.util.List;

import com.cmobile.ecosystem.registry.CompatibilityLevel;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility;

/**
 * Decides compatibility with Avro's own reader/writer checker, so the registry agrees exactly
 * with what Avro's schema resolution will do when data is read.
 *
 * <p>Backward: the new schema can read data written with an earlier one. Forward: an earlier
 * schema can read data written with the new one. Full: both.
 */
final class AvroCompatibility {

    private AvroCompatibility() {
    }

    /**
     * Problems found checking {@code candidate} against {@code earlier} (oldest first) at
     * {@code level}; empty when compatible.
     */
    static List<String> problems(CompatibilityLevel level, Schema candidate, List<VersionedSchema> earlier) {
        if (level == CompatibilityLevel.NONE || earlier.isEmpty()) {
            return List.of();
        }
        List<VersionedSchema> against = level.isTransitive() ? earlier : List.of(earlier.get(earlier.size() - 1));
        var problems = new ArrayList<String>();
        for (VersionedSchema old : against) {
            if (level.checksBackward()) {
                describe(SchemaCompatibility.checkReaderWriterCompatibility(candidate, old.schema()), candidate,
                        "new schema cannot read data written with version " + old.version(), problems);
            }
            if (level.checksForward()) {
                describe(SchemaCompatibility.checkReaderWriterCompatibility(old.schema(), candidate), old.schema(),
                        "version " + old.version() + " cannot read data written with the new schema", problems);
            }
        }
        return problems;
    }

    private static void describe(SchemaCompatibility.SchemaPairCompatibility result, Schema reader, String direction,
                                 List<String> problems) {
        if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
            return;
        }
        for (Incompatibility incompatibility : result.getResult().getIncompatibilities()) {
            String location = incompatibility.getLocation();
            problems.add("{errorType:'" + incompatibility.getType() + "', description:'" + direction + ": "
                    + incompatibility.getMessage() + "', field:'" + fieldPath(reader, location)
                    + "', location:'" + location + "'}");
        }
    }

    /**
     * Turns Avro's JSON-pointer location (e.g. {@code /fields/1/type}) into the dotted field names
     * a person recognises (e.g. {@code capacityMbps}); the pointer is relative to the reader schema.
     */
    static String fieldPath(Schema reader, String location) {
        var names = new ArrayList<String>();
        Schema current = reader;
        String[] tokens = location.split("/");
        for (int i = 0; i < tokens.length && current != null; i++) {
            switch (tokens[i]) {
                case "fields" -> {
                    if (i + 1 < tokens.length && current.getType() == Schema.Type.RECORD) {
                        int index = parseIndex(tokens[++i]);
                        if (index < 0 || index >= current.getFields().size()) {
                            return String.join(".", names);
                        }
                        Schema.Field field = current.getFields().get(index);
                        names.add(field.name());
                        current = field.schema();
                    }
                }
                case "items" -> current = current.getType() == Schema.Type.ARRAY ? current.getElementType() : current;
                case "values" -> current = current.getType() == Schema.Type.MAP ? current.getValueType() : current;
                default -> {
                    int branch = parseIndex(tokens[i]);
                    if (branch >= 0 && current.getType() == Schema.Type.UNION && branch < current.getTypes().size()) {
                        current = current.getTypes().get(branch);
                    }
                }
            }
        }
        return String.join(".", names);
    }

    private static int parseIndex(String token) {
        try {
            return Integer.parseInt(token);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** An earlier version of a subject, parsed. */
    record VersionedSchema(int version, Schema schema) {
    }
}
