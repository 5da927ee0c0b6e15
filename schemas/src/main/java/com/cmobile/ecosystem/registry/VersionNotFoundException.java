package com.cmobile.ecosystem.registry;

/** The subject exists but has no such version. (HTTP 404, error code {@value ErrorCodes#VERSION_NOT_FOUND}.) */
public class VersionNotFoundException extends SchemaRegistryException {

    /** @param message what was asked and what the registry said */
    public VersionNotFoundException(String message) {
        super(404, ErrorCodes.VERSION_NOT_FOUND, message);
    }
}
