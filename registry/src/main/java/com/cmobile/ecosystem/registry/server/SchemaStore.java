package com.cmobile.ecosystem.registry.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

import com.cmobile.ecosystem.registry.server.AvroCompatibility.VersionedSchema;
import com.cmobile.ecosystem.registry.CompatibilityLevel;
import com.cmobile.ecosystem.registry.ErrorCodes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.Schema;

/**
 * Subjects, versions, ids and compatibility settings, kept in memory and written through to
 * the compacted schema topic.
 *
 * <p>Every change is first appended to the topic and acknowledged by the broker, then applied
 * in memory; on start the topic is replayed from the beginning. Ids are allocated as
 * {@code max(id) + 1}, so a restart on the same data continues the same sequence. One id
 * names one distinct schema (compared in Avro's parsed form, whitespace-insensitive but keeping
 * defaults and docs) across all subjects.
 *
 * <p>Keys and values follow the shape of Confluent's own {@code _schemas} records:
 * {@code {"keytype":"SCHEMA","subject":..,"version":..,"magic":1}} &rarr;
 * {@code {"subject":..,"version":..,"id":..,"schema":..,"deleted":false}} and
 * {@code {"keytype":"CONFIG","subject":..|null,"magic":0}} &rarr; {@code {"compatibilityLevel":..}}.
 *
 * <p>One registry writes to a given topic at a time (as with Confluent's single leader).
 */
final class SchemaStore {

    static final CompatibilityLevel DEFAULT_COMPATIBILITY = CompatibilityLevel.BACKWARD;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SchemaTopicLog log;
    private final Map<Integer, String> schemaById = new HashMap<>();
    private final Map<String, Integer> idBySchema = new HashMap<>();
    private final Map<String, TreeMap<Integer, Integer>> idByVersionBySubject = new TreeMap<>();
    private final Map<String, CompatibilityLevel> subjectCompatibility = new HashMap<>();
    private Optional<CompatibilityLevel> globalCompatibility = Optional.empty();
    private int maxId;

    private SchemaStore(SchemaTopicLog log) {
        this.log = log;
    }

    /** Creates the topic if needed and replays it. */
    static SchemaStore open(SchemaTopicLog log) {
        log.ensureTopic();
        var store = new SchemaStore(log);
        for (var entry : log.readAll()) {
            store.apply(entry.key(), entry.value());
        }
        return store;
    }

    /** A schema under a subject: what the version endpoints and lookup return. */
    record SubjectVersion(String subject, int version, int id, String schema) {
    }

    /** Outcome of a registration: the schema's id and the subject's version holding it. */
    record Registration(int id, int version, boolean newVersion) {
    }

    synchronized Registration register(String subject, String schemaText) {
        String canonical = canonical(schemaText);
        var versions = idByVersionBySubject.getOrDefault(subject, new TreeMap<>());
        Integer existingId = idBySchema.get(canonical);
        if (existingId != null) {
            for (var version : versions.entrySet()) {
                if (version.getValue().equals(existingId)) {
                    return new Registration(existingId, version.getKey(), false);
                }
            }
        }
        var level = effectiveCompatibility(subject);
        List<String> problems = AvroCompatibility.problems(level, parse(canonical), earlierVersions(subject));
        if (!problems.isEmpty()) {
            throw new RegistryException(409, ErrorCodes.INCOMPATIBLE_SCHEMA,
                    "Schema being registered is incompatible with an earlier schema for subject \"" + subject
                            + "\", details: " + problems + " {compatibility: '" + level + "'}");
        }
        int id = existingId != null ? existingId : maxId + 1;
        int version = versions.isEmpty() ? 1 : versions.lastKey() + 1;
        append(schemaKey(subject, version), schemaValue(subject, version, id, canonical));
        return new Registration(id, version, true);
    }

    synchronized Optional<String> schemaById(int id) {
        return Optional.ofNullable(schemaById.get(id));
    }

    synchronized List<String> subjects() {
        return List.copyOf(idByVersionBySubject.keySet());
    }

    synchronized List<Integer> versions(String subject) {
        return List.copyOf(versionsOf(subject).keySet());
    }

    /** The given version, or the latest when {@code version} is empty. */
    synchronized SubjectVersion version(String subject, OptionalInt version) {
        var versions = versionsOf(subject);
        int number = version.orElse(versions.lastKey());
        Integer id = versions.get(number);
        if (id == null) {
            throw RegistryException.versionNotFound(subject, number);
        }
        return new SubjectVersion(subject, number, id, schemaById.get(id));
    }

    /** The version of {@code subject} holding this schema, if it was registered there. */
    synchronized SubjectVersion lookup(String subject, String schemaText) {
        var versions = versionsOf(subject);
        Integer id = idBySchema.get(canonical(schemaText));
        if (id != null) {
            for (var version : versions.entrySet()) {
                if (version.getValue().equals(id)) {
                    return new SubjectVersion(subject, version.getKey(), id, schemaById.get(id));
                }
            }
        }
        throw RegistryException.schemaNotFound();
    }

    /**
     * Problems that would refuse {@code schemaText} against the given version (or the latest)
     * under the subject's level; an unknown subject has nothing to be incompatible with.
     */
    synchronized List<String> compatibilityProblems(String subject, String schemaText, OptionalInt version) {
        Schema candidate = parse(canonical(schemaText));
        var level = effectiveCompatibility(subject);
        if (!idByVersionBySubject.containsKey(subject)) {
            if (version.isPresent()) {
                throw RegistryException.subjectNotFound(subject);
            }
            return List.of();
        }
        List<VersionedSchema> earlier = earlierVersions(subject);
        if (version.isPresent()) {
            var chosen = version(subject, version);
            earlier = List.of(new VersionedSchema(chosen.version(), parse(chosen.schema())));
        }
        return AvroCompatibility.problems(level, candidate, earlier);
    }

    synchronized CompatibilityLevel globalCompatibility() {
        return globalCompatibility.orElse(DEFAULT_COMPATIBILITY);
    }

    synchronized Optional<CompatibilityLevel> subjectCompatibility(String subject) {
        return Optional.ofNullable(subjectCompatibility.get(subject));
    }

    synchronized CompatibilityLevel effectiveCompatibility(String subject) {
        return subjectCompatibility(subject).orElseGet(this::globalCompatibility);
    }

    synchronized void setGlobalCompatibility(CompatibilityLevel level) {
        append(configKey(Optional.empty()), configValue(level));
    }

    synchronized void setSubjectCompatibility(String subject, CompatibilityLevel level) {
        append(configKey(Optional.of(subject)), configValue(level));
    }

    /** Parses and validates Avro (names, defaults); the parsed form is the identity of a schema. */
    static String canonical(String schemaText) {
        if (schemaText == null || schemaText.isBlank()) {
            throw RegistryException.invalidSchema("the schema is empty");
        }
        try {
            return new Schema.Parser().parse(schemaText).toString();
        } catch (RuntimeException e) {
            throw RegistryException.invalidSchema(e.getMessage());
        }
    }

    private static Schema parse(String canonical) {
        return new Schema.Parser().parse(canonical);
    }

    private TreeMap<Integer, Integer> versionsOf(String subject) {
        var versions = idByVersionBySubject.get(subject);
        if (versions == null || versions.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        return versions;
    }

    private List<VersionedSchema> earlierVersions(String subject) {
        var earlier = new ArrayList<VersionedSchema>();
        idByVersionBySubject.getOrDefault(subject, new TreeMap<>())
                .forEach((version, id) -> earlier.add(new VersionedSchema(version, parse(schemaById.get(id)))));
        return earlier;
    }

    private void append(String key, String value) {
        log.append(key, value);
        apply(key, value);
    }

    /** Applies one log entry; unknown key types are skipped so a newer writer's records don't break replay. */
    private void apply(String key, String value) {
        JsonNode k = readJson(key);
        JsonNode v = readJson(value);
        switch (k.path("keytype").asText()) {
            case "SCHEMA" -> {
                if (v.path("deleted").asBoolean(false)) {
                    return;
                }
                String subject = v.path("subject").asText();
                int version = v.path("version").asInt();
                int id = v.path("id").asInt();
                String schema = v.path("schema").asText();
                schemaById.put(id, schema);
                idBySchema.putIfAbsent(schema, id);
                idByVersionBySubject.computeIfAbsent(subject, s -> new TreeMap<>()).put(version, id);
                maxId = Math.max(maxId, id);
            }
            case "CONFIG" -> {
                var level = CompatibilityLevel.parse(v.path("compatibilityLevel").asText(""));
                if (level.isEmpty()) {
                    return;
                }
                if (k.path("subject").isTextual()) {
                    subjectCompatibility.put(k.path("subject").asText(), level.get());
                } else {
                    globalCompatibility = level;
                }
            }
            default -> {
                // Records this version does not understand (e.g. Confluent's NOOP/MODE keys).
            }
        }
    }

    private static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable record in the schema topic: " + text, e);
        }
    }

    private static String schemaKey(String subject, int version) {
        ObjectNode key = JSON.createObjectNode();
        key.put("keytype", "SCHEMA");
        key.put("subject", subject);
        key.put("version", version);
        key.put("magic", 1);
        return key.toString();
    }

    private static String schemaValue(String subject, int version, int id, String schema) {
        ObjectNode value = JSON.createObjectNode();
        value.put("subject", subject);
        value.put("version", version);
        value.put("id", id);
        value.put("schema", schema);
        value.put("deleted", false);
        return value.toString();
    }

    private static String configKey(Optional<String> subject) {
        ObjectNode key = JSON.createObjectNode();
        key.put("keytype", "CONFIG");
        if (subject.isPresent()) {
            key.put("subject", subject.get());
        } else {
            key.putNull("subject");
        }
        key.put("magic", 0);
        return key.toString();
    }

    private static String configValue(CompatibilityLevel level) {
        ObjectNode value = JSON.createObjectNode();
        value.put("compatibilityLevel", level.name());
        return value.toString();
    }
}
