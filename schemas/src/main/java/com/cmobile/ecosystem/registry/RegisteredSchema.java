package com.cmobile.ecosystem.registry;

import java.util.Objects;
import org.apache.avro.Schema;

/**
 * One version of a subject in the schema registry.
 *
 * @param subject the subject, for example {@code "pop-capacity-value"}
 * @param version the version within the subject, from 1
 * @param id      the registry-wide schema id written into every record's header
 * @param schema  the parsed Avro schema
 */
public record RegisteredSchema(String subject, int version, int id, Schema schema) {

    public RegisteredSchema {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(schema, "schema");
    }
}
