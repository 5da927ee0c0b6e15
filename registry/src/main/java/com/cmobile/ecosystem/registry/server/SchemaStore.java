package com.cmobile.ecosystem.registry.server;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import com.cmobile.ecosystem.registry.server.AvroCompatibility.VersionedSchema;
import com.cmobile.ecosystem.registry.CompatibilityLevel;
import com.cmobile.ecosystem.registry.ErrorCodes;
import com.cmobile.ecosystem.registry.RegistryModel;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.Schema;

/**
 * Subjects, versions, ids and compatibility settings, kept in the shared {@link RegistryModel}
 * and written through to the compacted schema topic; this class adds only the topic records and
 * Confluent's errors.
 *
 * <p>Every change is first appended to the topic and acknowledged by the broker, then applied
 * to the model; on start the topic is replayed from the beginning. The model allocates ids as
 * {@code max(id) + 1}, so a restart on the same data continues the same sequence. One id
 * names one distinct schema (compared in Avro's parsed form, whitespace-insensitive but keeping
 * defaults and docs) across all subjects; replayed records keep their text as written.
 *
 * <p>Keys and values follow the shape of Confluent's own {@code _schemas} records:
 * {@code {"keytype":"SCHEMA","subject":..,"version":..,"magic":1}} &rarr;
 * {@code {"subject":..,"version":..,"id":..,"schema":..,"deleted":false}} and
 * {@code {"keytype":"CONFIG","subject":..|null,"magic":0}} &rarr; {@code {"compatibilityLevel":..}}.
 *
 * <p>One registry writes to a given topic at a time (as with Confluent's single leader).
 */
final class SchemaStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SchemaTopicLog log;
    private final RegistryModel model = new RegistryModel();

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
        RegistryModel.Registration planned = model.plan(subject, canonical);
        if (!planned.newVersion()) {
            return new Registration(planned.id(), planned.version(), false);
        }
        var level = effectiveCompatibility(subject);
        List<String> problems = AvroCompatibility.problems(level, parse(canonical), earlierVersions(subject));
        if (!problems.isEmpty()) {
            throw new RegistryException(409, ErrorCodes.INCOMPATIBLE_SCHEMA,
                    "Schema being registered is incompatible with an earlier schema for subject \"" + subject
                            + "\", details: " + problems + " {compatibility: '" + level + "'}");
        }
        append(schemaKey(subject, planned.version()),
                schemaValue(subject, planned.version(), planned.id(), canonical));
        return new Registration(planned.id(), planned.version(), true);
    }

    synchronized Optional<String> schemaById(int id) {
        return model.textById(id);
    }

    synchronized List<String> subjects() {
        return model.subjects();
    }

    synchronized List<Integer> versions(String subject) {
        return versionsOf(subject).stream().map(RegistryModel.Version::version).toList();
    }

    /** The given version, or the latest when {@code version} is empty. */
    synchronized SubjectVersion version(String subject, OptionalInt version) {
        var versions = versionsOf(subject);
        int number = version.orElse(versions.get(versions.size() - 1).version());
        return model.version(subject, number)
                .map(SchemaStore::subjectVersion)
                .orElseThrow(() -> RegistryException.versionNotFound(subject, number));
    }

    /** The version of {@code subject} holding this schema, if it was registered there. */
    synchronized SubjectVersion lookup(String subject, String schemaText) {
        versionsOf(subject); // an unknown subject is answered before an invalid schema
        return model.idOf(canonical(schemaText))
                .flatMap(id -> model.versionHolding(subject, id))
                .map(SchemaStore::subjectVersion)
                .orElseThrow(RegistryException::schemaNotFound);
    }

    /**
     * Problems that would refuse {@code schemaText} against the given version (or the latest)
     * under the subject's level; an unknown subject has nothing to be incompatible with.
     */
    synchronized List<String> compatibilityProblems(String subject, String schemaText, OptionalInt version) {
        Schema candidate = parse(canonical(schemaText));
        var level = effectiveCompatibility(subject);
        if (!model.hasSubject(subject)) {
            if (version.isPresent()) {
                throw RegistryException.subjectNotFound(subject);
            }
            return List.of();
        }
        List<VersionedSchema> earlier = earlierVersions(subject);
        if (version.isPresent()) {
            var chosen = version(subject, version);
            earlier = List.of(new VersionedSchema(chosen.version(), model.schemaById(chosen.id()).orElseThrow()));
        }
        return AvroCompatibility.problems(level, candidate, earlier);
    }

    synchronized CompatibilityLevel globalCompatibility() {
        return model.globalCompatibility();
    }

    synchronized Optional<CompatibilityLevel> subjectCompatibility(String subject) {
        return model.subjectCompatibility(subject);
    }

    synchronized CompatibilityLevel effectiveCompatibility(String subject) {
        return model.effectiveCompatibility(subject);
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

    private List<RegistryModel.Version> versionsOf(String subject) {
        var versions = model.versions(subject);
        if (versions.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        return versions;
    }

    private List<VersionedSchema> earlierVersions(String subject) {
        return model.versions(subject).stream()
                .map(version -> new VersionedSchema(version.version(), model.schemaOf(version)))
                .toList();
    }

    private static SubjectVersion subjectVersion(RegistryModel.Version version) {
        return new SubjectVersion(version.subject(), version.version(), version.id(), version.text());
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
                model.put(v.path("subject").asText(), v.path("version").asInt(), v.path("id").asInt(),
                        v.path("schema").asText(), Optional.empty());
            }
            case "CONFIG" -> {
                var level = CompatibilityLevel.parse(v.path("compatibilityLevel").asText(""));
                if (level.isEmpty()) {
                    return;
                }
                if (k.path("subject").isTextual()) {
                    model.setSubjectCompatibility(k.path("subject").asText(), level.get());
                } else {
                    model.setGlobalCompatibility(level.get());
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
