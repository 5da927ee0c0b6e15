package com.cmobile.ecosystem.producers.file;

import com.cmobile.ecosystem.validation.Violation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Lines to events of one Avro record type; the file contract is the Avro contract, so a line's field
 * names are the schema's. The fields every event has are read here ({@code eventId}, derived from
 * the content when absent; {@code occurredAt}; {@code source}, defaulted), each kind reads its own.
 * Every problem of a line is collected: conversion problems first, then the validator's violations
 * for fields not already reported.
 *
 * @param <T> event type
 */
abstract class AvroEventMapper<T extends SpecificRecordBase> implements EventMapper<T> {

    private static final String EVENT_ID = "eventId";

    private final String kind;
    private final Schema schema;
    private final Set<String> fieldNames;
    private final Function<T, List<Violation>> validation;
    private final String defaultSource;

    /**
     * @param kind          first part of a derived eventId, so two kinds never derive the same id
     * @param schema        the event's schema
     * @param validation    the validator's check of a complete event
     * @param defaultSource source of events whose line has none
     */
    AvroEventMapper(String kind, Schema schema, Function<T, List<Violation>> validation, String defaultSource) {
        this.kind = kind;
        this.schema = schema;
        this.fieldNames = fieldNames(schema);
        this.validation = validation;
        this.defaultSource = defaultSource;
    }

    /** A new event with this kind's own fields set: every field but eventId, occurredAt and source. */
    abstract T readOwnFields(FieldValues values);

    /** A problem that neither conversion nor the validator can see in {@code event}, if any. */
    Optional<String> unseenProblem(FieldValues values, T event) {
        return Optional.empty();
    }

    /** {@code ""} for a missing text field of an ending event (which carries no state), else the value. */
    static String orEmptyIf(boolean ending, String value) {
        return value == null && ending ? "" : value;
    }

    @Override
    public final Set<String> fieldNames() {
        return fieldNames;
    }

    @Override
    public final LineResult<T> map(long line, Map<String, String> fields) {
        var values = new FieldValues(fields, fieldNames);
        // Converted before the kind's own fields, so its problem is reported first, as the field comes first.
        UUID eventId = values.uuid(EVENT_ID);
        T event = readOwnFields(values);
        event.put(EVENT_ID, eventId);
        // put(), not the generated setter: the setter dereferences the value and a missing one must reach the validator.
        event.put("occurredAt", values.instant("occurredAt"));
        event.put("source", values.has("source") ? values.text("source") : defaultSource);
        if (!values.has(EVENT_ID)) {
            event.put(EVENT_ID, contentId(event));
        }

        List<String> reasons = reasons(values, validation.apply(event));
        unseenProblem(values, event).ifPresent(reasons::add);
        if (!reasons.isEmpty()) {
            return new LineResult.Rejected<>(line, "", reasons);
        }
        return new LineResult.Accepted<>(line, event);
    }

    /** The record's field names in schema order. */
    private static Set<String> fieldNames(Schema schema) {
        var names = new LinkedHashSet<String>();
        schema.getFields().forEach(f -> names.add(f.name()));
        return Collections.unmodifiableSet(names);
    }

    /** Conversion problems first, then the validator's violations for fields not already reported. */
    private static List<String> reasons(FieldValues values, List<Violation> violations) {
        var reasons = new ArrayList<>(values.problems());
        for (Violation v : violations) {
            if (!values.fieldsWithProblems().contains(v.field())) {
                reasons.add(v.message());
            }
        }
        return reasons;
    }

    /**
     * An eventId derived from the event's content (every other field, in schema order), so publishing
     * the same file twice publishes the same events (and consumers treat the second run as repeats,
     * not news).
     */
    private UUID contentId(T event) {
        var text = new StringBuilder(kind);
        for (Schema.Field field : schema.getFields()) {
            if (!field.name().equals(EVENT_ID)) {
                text.append('\u001f').append(event.get(field.pos()));
            }
        }
        return UUID.nameUUIDFromBytes(text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
