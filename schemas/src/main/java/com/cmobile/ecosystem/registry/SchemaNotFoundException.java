package com.cmobile.ecosystem.registry;

/** No schema has the id, or the schema is not registered under the subject. (HTTP 404, error code {@value ErrorCodes#SCHEMA_NOT_FOUND}.) */
public class SchemaNotFoundException extends SchemaRegistryException {

    /** @param message what was asked and what the registry said */
    public SchemaNotFoundException(String message) {
        super(404, ErrorCodes.SCHEMA_NOT_FOUND, message);
    }
}
