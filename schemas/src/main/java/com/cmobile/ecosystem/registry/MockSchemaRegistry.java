package com.cmobile.ecosystem.registry;

import java.util.ArrayList;
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
 * {@link IncompatibleSchemaException}. Those rules are {@link RegistryModel}'s, which the registry
 * server shares; a schema is identified by Avro's {@code toString()} of it. Every call is counted ({@link #callCount()}) so tests can
 * prove that a hot path makes none.
 */
public final class MockSchemaRegistry implements SchemaRegistryClient {

    private static final Map<String, MockSchemaRegistry> SCOPES = new ConcurrentHashMap<>();

    private final String scope;
    private final RegistryModel model = new RegistryModel();
    private final AtomicLong calls = new AtomicLong();

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
        String text = schema.toString();
        RegistryModel.Registration registration = model.plan(subject, text);
        if (!registration.newVersion()) {
            return registration.id();
        }
        List<String> problems = compatibilityProblems(subject, schema);
        if (!problems.isEmpty()) {
            throw new IncompatibleSchemaException("Schema being registered is incompatible with an earlier schema for subject '"
                    + subject + "': " + problems);
        }
        model.put(subject, registration.version(), registration.id(), text, Optional.of(schema));
        return registration.id();
    }

    @Override
    public synchronized Schema schemaById(int id) {
        calls.incrementAndGet();
        return model.schemaById(id).orElseThrow(
                () -> new SchemaNotFoundException("Schema " + id + " not found in mock registry '" + scope + "'"));
    }

    @Override
    public synchronized RegisteredSchema latest(String subject) {
        calls.incrementAndGet();
        return registered(model.latest(subject).orElseThrow(() -> subjectNotFound(subject)));
    }

    @Override
    public synchronized RegisteredSchema lookup(String subject, Schema schema) {
        calls.incrementAndGet();
        if (!model.hasSubject(subject)) {
            throw subjectNotFound(subject);
        }
        return model.idOf(schema.toString())
                .flatMap(id -> model.versionHolding(subject, id))
                .map(this::registered)
                .orElseThrow(() -> new SchemaNotFoundException(
                        "Schema not found under subject '" + subject + "' in mock registry '" + scope + "'"));
    }

    @Override
    public synchronized boolean isCompatible(String subject, Schema schema) {
        calls.incrementAndGet();
        return compatibilityProblems(subject, schema).isEmpty();
    }

    @Override
    public synchronized CompatibilityLevel compatibility() {
        calls.incrementAndGet();
        return model.globalCompatibility();
    }

    @Override
    public synchronized Optional<CompatibilityLevel> compatibility(String subject) {
        calls.incrementAndGet();
        return model.subjectCompatibility(subject);
    }

    @Override
    public synchronized void setCompatibility(CompatibilityLevel level) {
        calls.incrementAndGet();
        model.setGlobalCompatibility(level);
    }

    @Override
    public synchronized void setCompatibility(String subject, CompatibilityLevel level) {
        calls.incrementAndGet();
        model.setSubjectCompatibility(subject, level);
    }

    private RegisteredSchema registered(RegistryModel.Version version) {
        return new RegisteredSchema(version.subject(), version.version(), version.id(), model.schemaOf(version));
    }

    private SubjectNotFoundException subjectNotFound(String subject) {
        return new SubjectNotFoundException("Subject '" + subject + "' not found in mock registry '" + scope + "'");
    }

    private List<String> compatibilityProblems(String subject, Schema candidate) {
        CompatibilityLevel level = model.effectiveCompatibility(subject);
        List<RegistryModel.Version> versions = model.versions(subject);
        List<Schema> earlier = versions.stream().map(model::schemaOf).toList();
        // One entry per earlier schema and direction that fails, listing what Avro found.
        var problems = new LinkedHashMap<String, List<String>>();
        for (CompatibilityCheck.Failure failure : CompatibilityCheck.failures(level, candidate, earlier)) {
            int id = versions.get(failure.earlier()).id();
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
