package com.cmobile.ecosystem.registry;

import java.util.Optional;
import org.apache.avro.Schema;

/**
 * The operations of Confluent Schema Registry's REST API that the serdes and tools need.
 *
 * <p>Failures are unchecked {@link SchemaRegistryException}s; the common ones have their own
 * subclasses ({@link SubjectNotFoundException}, {@link SchemaNotFoundException},
 * {@link IncompatibleSchemaException}, ...). Implementations are thread-safe and do not cache:
 * caching belongs to the serdes, which know what their hot path needs.
 */
public interface SchemaRegistryClient extends AutoCloseable {

    /**
     * Registers a schema under a subject, or finds it when it is already registered there.
     *
     * @return the registry-wide id of the schema
     * @throws IncompatibleSchemaException when the subject's compatibility level refuses it
     */
    int register(String subject, Schema schema);

    /**
     * The schema with a registry-wide id.
     *
     * @throws SchemaNotFoundException when no schema has the id
     */
    Schema schemaById(int id);

    /**
     * The latest version of a subject.
     *
     * @throws SubjectNotFoundException when the subject has no versions
     */
    RegisteredSchema latest(String subject);

    /**
     * The version of a subject that is this schema.
     *
     * @throws SubjectNotFoundException when the subject has no versions
     * @throws SchemaNotFoundException  when the schema is not registered under the subject
     */
    RegisteredSchema lookup(String subject, Schema schema);

    /** @return whether the schema may be registered as the next version of the subject */
    boolean isCompatible(String subject, Schema schema);

    /** @return the registry-wide default compatibility level */
    CompatibilityLevel compatibility();

    /** @return the subject's own compatibility level, empty when it uses the registry-wide one */
    Optional<CompatibilityLevel> compatibility(String subject);

    /** Sets the registry-wide default compatibility level. */
    void setCompatibility(CompatibilityLevel level);

    /** Sets a subject's own compatibility level. */
    void setCompatibility(String subject, CompatibilityLevel level);

    /** Releases connections; the default does nothing. */
    @Override
    default void close() {
    }
}
