package com.cmobile.ecosystem.registry.server;

import java.util.ArrayList;
import java.util.List;

import com.cmobile.ecosystem.registry.CompatibilityCheck;
import com.cmobile.ecosystem.registry.CompatibilityLevel;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * The registry's compatibility rule ({@link CompatibilityCheck}, shared with the in-memory
 * registry), its findings described as Confluent's registry does in a 409: error type, which
 * version could not read which, and the field by name.
 */
final class AvroCompatibility {

    private AvroCompatibility() {
    }

    /**
     * Problems found checking {@code candidate} against {@code earlier} (oldest first) at
     * {@code level}; empty when compatible.
     */
    static List<String> problems(CompatibilityLevel level, Schema candidate, List<VersionedSchema> earlier) {
        List<Schema> schemas = earlier.stream().map(VersionedSchema::schema).toList();
        var problems = new ArrayList<String>();
        for (CompatibilityCheck.Failure failure : CompatibilityCheck.failures(level, candidate, schemas)) {
            int version = earlier.get(failure.earlier()).version();
            String direction = failure.direction() == CompatibilityCheck.Direction.BACKWARD
                    ? "new schema cannot read data written with version " + version
                    : "version " + version + " cannot read data written with the new schema";
            Incompatibility incompatibility = failure.incompatibility();
            String location = incompatibility.getLocation();
            problems.add("{errorType:'" + incompatibility.getType() + "', description:'" + direction + ": "
                    + incompatibility.getMessage() + "', field:'" + fieldPath(failure.reader(), location)
                    + "', location:'" + location + "'}");
        }
        return problems;
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
