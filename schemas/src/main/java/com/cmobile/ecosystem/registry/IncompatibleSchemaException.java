package com.cmobile.ecosystem.registry;

/** The schema breaks the subject's compatibility level with earlier versions. (HTTP 409, error code {@value ErrorCodes#INCOMPATIBLE_SCHEMA}.) */
public class IncompatibleSchemaException extends SchemaRegistryException {

    /** @param message what was asked and what the registry said */
    public IncompatibleSchemaException(String message) {
        super(409, ErrorCodes.INCOMPATIBLE_SCHEMA, message);
    }
}
