package com.cmobile.ecosystem.registry;

/** The registry could not parse the schema. (HTTP 422, error code {@value ErrorCodes#INVALID_SCHEMA}.) */
public class InvalidSchemaException extends SchemaRegistryException {

    /** @param message what was asked and what the registry said */
    public InvalidSchemaException(String message) {
        super(422, ErrorCodes.INVALID_SCHEMA, message);
    }
}
