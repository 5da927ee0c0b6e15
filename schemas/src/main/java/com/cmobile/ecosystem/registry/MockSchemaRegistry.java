package com.cmobile.ecosystem.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.Schema;

/**
 * An in-memory schema registry for tests, reached by serdes configured with
 * {@code schema.registry.url=mock://<scope>}: every serde of the same scope in the JVM shares one
 * instance, so a serializer and a deserializer built separately (for example by a
 * {@code TopologyTestDriver} test) agree on ids.
 *
 * <p>Behaves like Confluent's registry where the serdes can tell: ids are registry-wide and the
 * same schema gets the same id under every subject; registering an already registered schema
 * returns its id; the default compatibility level is BACKWARD and violations raise
 * {@link IncompatibleSchemaException}. Every call is counted ({@link #callCount()}) so tests can
 * prove that a hot path makes none.
 */
public final class MockSchemaRegistry implements SchemaRegistryClient {

    private static final Map<String, MockSchemaRegistry> SCOPES = new ConcurrentHashMap<>();

    private final String scope;
    private final Map<String, Integer> idsBySchemaText = new HashMap<>();
    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final Map<String, List<Integer>> versionIdsBySubject = new HashMap<>();
    private final Map<String, CompatibilityLevel> subjectCompatibility = new HashMap<>();
    private final AtomicLong calls = new AtomicLong();
    private CompatibilityLevel globalCompatibility = CompatibilityLevel.BACKWARD;

    private MockSchemaRegistry(String scope) {
        this.scope = scope;
    }

    /**
     * The registry of a scope, created on first use.
     *
     * @param scope the part after {@code mock://}, for example {@code "topology-test"}
     * @return the instance every caller with this scope shares
     */
    public static MockSchemaRegistry forScope(String scope) {
        Objects.requireNonNull(scope, "scope");
        return SCOPES.computeIfAbsent(scope, MockSchemaRegistry::new);
    }

    /**
     * Forgets a scope, so the next {@link #forScope(String)} starts empty; for test isolation.
     *
     * @param scope the scope to drop
     */
    public static void dropScope(String scope) {
        SCOPES.remove(scope);
    }

    /** @return the scope this registry serves */
    public String scope() {
        return scope;
    }

    /** @return how many client operations this registry has answered, successful or not */
    public long callCount() {
        return calls.get();
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        calls.incrementAndGet();
        List<Integer> versions = versionIdsBySubject.getOrDefault(subject, List.of());
        Integer known = idsBySchemaText.get(schema.toString());
        if (known != null && versions.contains(known)) {
            return known;
        }
        List<String> problems = compatibilityProblems(subject, schema);
        if (!problems.isEmpty()) {
            throw new IncompatibleSchemaException("Schema being registered is incompatible with an earlier schema for subject '"
                    + subject + "': " + problems);
        }
        int id = known != null ? known : idsBySchemaText.size() + 1;
        idsBySchemaText.put(schema.toString(), id);
        schemasById.put(id, schema);
        versionIdsBySubject.computeIfAbsent(subject, s -> new ArrayList<>()).add(id);
        return id;
    }

    @Override
    public synchronized Schema schemaById(int id) {
        calls.incrementAndGet();
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw new SchemaNotFoundException("Schema " + id + " not found in mock registry '" + scope + "'");
        }
        return schema;
    }

    @Override
    public synchronized RegisteredSchema latest(String subject) {
        calls.incrementAndGet();
        List<Integer> versions = versionsOf(subject);
        int version = versions.size();
        int id = versions.get(version - 1);
        return new RegisteredSchema(subject, version, id, schemasById.get(id));
    }

    @Override
    public synchronized RegisteredSchema lookup(String subject, Schema schema) {
        calls.incrementAndGet();
        List<Integer> versions = versionsOf(subject);
        Integer id = idsBySchemaText.get(schema.toString());
        int index = id == null ? -1 : versions.indexOf(id);
        if (index < 0) {
            throw new SchemaNotFoundException("Schema not found under subject '" + subject + "' in mock registry '" + scope + "'");
        }
        return new RegisteredSchema(subject, index + 1, id, schemasById.get(id));
    }

    @Override
    public synchronized boolean isCompatible(String subject, Schema schema) {
        calls.incrementAndGet();
        return compatibilityProblems(subject, schema).isEmpty();
    }

    @Override
    public synchronized CompatibilityLevel compatibility() {
        calls.incrementAndGet();
        return globalCompatibility;
    }

    @Override
    public synchronized Optional<CompatibilityLevel> compatibility(String subject) {
        calls.incrementAndGet();
        return Optional.ofNullable(subjectCompatibility.get(subject));
    }

    @Override
    public synchronized void setCompatibility(CompatibilityLevel level) {
        calls.incrementAndGet();
        globalCompatibility = Objects.requireNonNull(level, "level");
    }

    @Override
    public synchronized void setCompatibility(String subject, CompatibilityLevel level) {
        calls.incrementAndGet();
        subjectCompatibility.put(subject, Objects.requireNonNull(level, "level"));
    }

    private List<Integer> versionsOf(String subject) {
        List<Integer> versions = versionIdsBySubject.get(subject);
        if (versions == null || versions.isEmpty()) {
            throw new SubjectNotFoundException("Subject '" + subject + "' not found in mock registry '" + scope + "'");
        }
        return versions;
    }

    private List<String> compatibilityProblems(String subject, Schema candidate) {
        CompatibilityLevel level = subjectCompatibility.getOrDefault(subject, globalCompatibility);
        List<Integer> versions = versionIdsBySubject.getOrDefault(subject, List.of());
        List<Schema> earlier = versions.stream().map(schemasById::get).toList();
        // One entry per earlier schema and direction that fails, listing what Avro found.
        var problems = new LinkedHashMap<String, List<String>>();
        for (CompatibilityCheck.Failure failure : CompatibilityCheck.failures(level, candidate, earlier)) {
            int id = versions.get(failure.earlier());
            String what = failure.direction() == CompatibilityCheck.Direction.BACKWARD
                    ? "new schema cannot read id " + id
                    : "id " + id + " cannot read new schema";
            var incompatibility = failure.incompatibility();
            problems.computeIfAbsent(what, key -> new ArrayList<>()).add(incompatibility.getType() + " at "
                    + incompatibility.getLocation() + " (" + incompatibility.getMessage() + ")");
        }
        return problems.entrySet().stream().map(entry -> entry.getKey() + ": " + entry.getValue()).toList();
    }
}
