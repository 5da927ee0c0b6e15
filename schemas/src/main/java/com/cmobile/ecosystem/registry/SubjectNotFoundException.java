package com.cmobile.ecosystem.registry;

/** The subject has no registered versions. (HTTP 404, error code {@value ErrorCodes#SUBJECT_NOT_FOUND}.) */
public class SubjectNotFoundException extends SchemaRegistryException {

    /** @param message what was asked and what the registry said */
    public SubjectNotFoundException(String message) {
        super(404, ErrorCodes.SUBJECT_NOT_FOUND, message);
    }
}
