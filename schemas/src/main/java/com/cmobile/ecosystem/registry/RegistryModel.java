package com.cmobile.ecosystem.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.Schema;

/**
 * The state of a schema registry, held in memory: subjects &rarr; versions &rarr; registry-wide
 * schema ids, the schema each id names, and the global and per-subject compatibility levels.
 * Shared by the in-memory registry ({@link MockSchemaRegistry}) and the registry server, which
 * adds only its {@code _schemas} topic and Confluent's errors on top.
 *
 * <p>The rules that make a registry behave like Confluent's live here once: one id names one
 * distinct schema across all subjects, so registering an equal schema again (under any subject)
 * reuses its id; a new id is {@code max(id) + 1}, so a registry rebuilt by replaying the same
 * versions continues the same sequence; versions of a subject count up from 1.
 *
 * <p>A schema is identified by its text, which the caller chooses (Avro's parsed form, so that
 * whitespace does not matter). The model answers with empty results, never with errors: each
 * caller words its own. It is not thread-safe; its owner guards it.
 */
public final class RegistryModel {

    /** Confluent's default, used until a global level is set. */
    public static final CompatibilityLevel DEFAULT_COMPATIBILITY = CompatibilityLevel.BACKWARD;

    private final Map<Integer, String> textById = new HashMap<>();
    private final Map<Integer, Schema> parsedById = new HashMap<>();
    private final Map<String, Integer> idByText = new HashMap<>();
    private final Map<String, TreeMap<Integer, Integer>> idByVersionBySubject = new TreeMap<>();
    private final Map<String, CompatibilityLevel> subjectCompatibility = new HashMap<>();
    private CompatibilityLevel globalCompatibility = DEFAULT_COMPATIBILITY;
    private int maxId;

    /**
     * One version of a subject.
     *
     * @param subject the subject
     * @param version the version within the subject, from 1
     * @param id      the registry-wide id of its schema
     * @param text    the schema's text as stored
     */
    public record Version(String subject, int version, int id, String text) {
    }

    /**
     * What registering a schema under a subject means: the version already holding it, or the id
     * and version a new version would get.
     *
     * @param id         the schema's id, existing or newly allocated
     * @param version    the version holding it, existing or next
     * @param newVersion whether the subject needs a new version (and so a compatibility check)
     */
    public record Registration(int id, int version, boolean newVersion) {
    }

    /**
     * Plans registering the schema with this text under {@code subject}; changes nothing, so the
     * caller can check compatibility (and persist) before {@link #put}.
     */
    public Registration plan(String subject, String text) {
        Integer existingId = idByText.get(text);
        if (existingId != null) {
            Optional<Version> holding = versionHolding(subject, existingId);
            if (holding.isPresent()) {
                return new Registration(existingId, holding.get().version(), false);
            }
        }
        var versions = idByVersionBySubject.get(subject);
        int version = versions == null || versions.isEmpty() ? 1 : versions.lastKey() + 1;
        return new Registration(existingId != null ? existingId : maxId + 1, version, true);
    }

    /**
     * Records a version: a planned registration, or one replayed from storage.
     *
     * @param parsed the schema parsed, if the caller has it (else parsed from {@code text} when needed)
     */
    public void put(String subject, int version, int id, String text, Optional<Schema> parsed) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        textById.put(id, text);
        parsed.ifPresentOrElse(schema -> parsedById.put(id, schema), () -> parsedById.remove(id));
        idByText.putIfAbsent(text, id);
        idByVersionBySubject.computeIfAbsent(subject, s -> new TreeMap<>()).put(version, id);
        maxId = Math.max(maxId, id);
    }

    /** @return the id of the schema with this text, if registered under any subject */
    public Optional<Integer> idOf(String text) {
        return Optional.ofNullable(idByText.get(text));
    }

    /** @return the text of the schema with this id */
    public Optional<String> textById(int id) {
        return Optional.ofNullable(textById.get(id));
    }

    /** @return the schema with this id, parsed (once) from its text if it was stored as text only */
    public Optional<Schema> schemaById(int id) {
        String text = textById.get(id);
        if (text == null) {
            return Optional.empty();
        }
        return Optional.of(parsedById.computeIfAbsent(id, key -> new Schema.Parser().parse(text)));
    }

    /** @return every subject with at least one version, in name order */
    public List<String> subjects() {
        return List.copyOf(idByVersionBySubject.keySet());
    }

    /** @return the versions of {@code subject}, oldest first; empty for an unknown subject */
    public List<Version> versions(String subject) {
        var result = new ArrayList<Version>();
        idByVersionBySubject.getOrDefault(subject, new TreeMap<>())
                .forEach((version, id) -> result.add(new Version(subject, version, id, textById.get(id))));
        return result;
    }

    /** @return the latest version of {@code subject}, if it has one */
    public Optional<Version> latest(String subject) {
        var versions = idByVersionBySubject.get(subject);
        if (versions == null || versions.isEmpty()) {
            return Optional.empty();
        }
        var last = versions.lastEntry();
        return Optional.of(new Version(subject, last.getKey(), last.getValue(), textById.get(last.getValue())));
    }

    /** @return the given version of {@code subject}, if it exists */
    public Optional<Version> version(String subject, int version) {
        Integer id = idByVersionBySubject.getOrDefault(subject, new TreeMap<>()).get(version);
        return id == null ? Optional.empty() : Optional.of(new Version(subject, version, id, textById.get(id)));
    }

    /** @return the first version of {@code subject} holding the schema with this id */
    public Optional<Version> versionHolding(String subject, int id) {
        return versions(subject).stream().filter(version -> version.id() == id).findFirst();
    }

    /** @return whether {@code subject} has any version */
    public boolean hasSubject(String subject) {
        var versions = idByVersionBySubject.get(subject);
        return versions != null && !versions.isEmpty();
    }

    /** @return the global level, {@link #DEFAULT_COMPATIBILITY} until set */
    public CompatibilityLevel globalCompatibility() {
        return globalCompatibility;
    }

    /** @return the subject's own level, if one was set */
    public Optional<CompatibilityLevel> subjectCompatibility(String subject) {
        return Optional.ofNullable(subjectCompatibility.get(subject));
    }

    /** @return the level that applies to {@code subject}: its own, else the global one */
    public CompatibilityLevel effectiveCompatibility(String subject) {
        return subjectCompatibility(subject).orElse(globalCompatibility);
    }

    public void setGlobalCompatibility(CompatibilityLevel level) {
        globalCompatibility = Objects.requireNonNull(level, "level");
    }

    public void setSubjectCompatibility(String subject, CompatibilityLevel level) {
        subjectCompatibility.put(subject, Objects.requireNonNull(level, "level"));
    }

    /** @return a version's schema parsed; see {@link #schemaById(int)} */
    public Schema schemaOf(Version version) {
        return schemaById(version.id()).orElseThrow();
    }
}
