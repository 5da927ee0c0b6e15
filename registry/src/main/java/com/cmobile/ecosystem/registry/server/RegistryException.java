package com.cmobile.ecosystem.registry.server;

import com.cmobile.ecosystem.registry.ErrorCodes;

/**
 * A request the registry refuses, answered as Confluent's error JSON
 * {@code {"error_code": errorCode, "message": message}} with the given HTTP status; the codes
 * are Confluent's, shared with our client through {@link ErrorCodes}.
 */
final class RegistryException extends RuntimeException {

    private final int httpStatus;
    private final int errorCode;

    RegistryException(int httpStatus, int errorCode, String message) {
        this(httpStatus, errorCode, message, null);
    }

    RegistryException(int httpStatus, int errorCode, String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    int httpStatus() {
        return httpStatus;
    }

    int errorCode() {
        return errorCode;
    }

    static RegistryException subjectNotFound(String subject) {
        return new RegistryException(404, ErrorCodes.SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
    }

    static RegistryException versionNotFound(String subject, int version) {
        return new RegistryException(404, ErrorCodes.VERSION_NOT_FOUND, "Version " + version + " not found.");
    }

    static RegistryException schemaNotFound() {
        return new RegistryException(404, ErrorCodes.SCHEMA_NOT_FOUND, "Schema not found");
    }

    static RegistryException schemaNotFound(int id) {
        return new RegistryException(404, ErrorCodes.SCHEMA_NOT_FOUND, "Schema " + id + " not found");
    }

    static RegistryException subjectCompatibilityNotConfigured(String subject) {
        return new RegistryException(404, ErrorCodes.SUBJECT_COMPATIBILITY_NOT_CONFIGURED,
                "Subject '" + subject + "' does not have subject-level compatibility configured");
    }

    static RegistryException invalidSchema(String detail) {
        return new RegistryException(422, ErrorCodes.INVALID_SCHEMA, "Invalid schema: " + detail);
    }

    static RegistryException invalidVersion(String version) {
        return new RegistryException(422, ErrorCodes.INVALID_VERSION, "The specified version '" + version
                + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
    }

    static RegistryException invalidCompatibilityLevel(String level) {
        return new RegistryException(422, ErrorCodes.INVALID_COMPATIBILITY_LEVEL, "Invalid compatibility level '" + level
                + "'. Valid values are none, backward, forward, full, backward_transitive, forward_transitive,"
                + " and full_transitive");
    }

    /** No credentials, or wrong ones: Confluent answers {@code {"error_code":401,"message":"Unauthorized"}}. */
    static RegistryException unauthorized() {
        return new RegistryException(401, 401, "Unauthorized");
    }

    static RegistryException forbidden(String user, String role, String needed) {
        return new RegistryException(403, 403, "User '" + user + "' has the " + role + " role; this request needs the "
                + needed + " role");
    }

    static RegistryException badRequest(String message) {
        return new RegistryException(400, 400, message);
    }
}
