package com.cmobile.ecosystem.registry;

import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * A registry's compatibility rule, written once for the in-memory registry
 * ({@link MockSchemaRegistry}) and the registry server: at a level, which earlier versions a
 * candidate is checked against (the latest, or all when transitive) and in which directions,
 * decided by Avro's own reader/writer checker so that a registry agrees exactly with what Avro's
 * schema resolution will do when data is read.
 *
 * <p>Backward: the new schema can read data written with an earlier one. Forward: an earlier
 * schema can read data written with the new one. Full: both.
 */
public final class CompatibilityCheck {

    private CompatibilityCheck() {
    }

    /** Which way a check failed. */
    public enum Direction {
        /** The candidate cannot read data written with the earlier schema. */
        BACKWARD,
        /** The earlier schema cannot read data written with the candidate. */
        FORWARD
    }

    /**
     * One incompatibility found.
     *
     * @param earlier          index, in the list given to {@link #failures}, of the earlier schema
     * @param direction        which way the check failed
     * @param reader           the schema that could not read ({@code incompatibility}'s location is relative to it)
     * @param incompatibility  what Avro's checker found
     */
    public record Failure(int earlier, Direction direction, Schema reader, Incompatibility incompatibility) {
    }

    /**
     * Every incompatibility of {@code candidate} with the {@code earlier} versions (oldest first) at
     * {@code level}, in order: by earlier version, backward before forward; empty when compatible.
     */
    public static List<Failure> failures(CompatibilityLevel level, Schema candidate, List<Schema> earlier) {
        if (level == CompatibilityLevel.NONE || earlier.isEmpty()) {
            return List.of();
        }
        int first = level.isTransitive() ? 0 : earlier.size() - 1;
        var failures = new ArrayList<Failure>();
        for (int i = first; i < earlier.size(); i++) {
            Schema old = earlier.get(i);
            if (level.checksBackward()) {
                collect(SchemaCompatibility.checkReaderWriterCompatibility(candidate, old), i, Direction.BACKWARD,
                        candidate, failures);
            }
            if (level.checksForward()) {
                collect(SchemaCompatibility.checkReaderWriterCompatibility(old, candidate), i, Direction.FORWARD,
                        old, failures);
            }
        }
        return failures;
    }

    private static void collect(SchemaCompatibility.SchemaPairCompatibility result, int earlier, Direction direction,
                                Schema reader, List<Failure> failures) {
        if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
            return;
        }
        for (Incompatibility incompatibility : result.getResult().getIncompatibilities()) {
            failures.add(new Failure(earlier, direction, reader, incompatibility));
        }
    }
}
