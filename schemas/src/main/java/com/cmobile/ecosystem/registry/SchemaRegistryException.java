package com.cmobile.ecosystem.registry;

/**
 * A schema registry answered with an error, or could not be reached.
 *
 * <p>Carries the HTTP status and Confluent's {@code error_code} (see {@link ErrorCodes}); both are
 * 0 when no registry answered at all. Specific failures have their own subclasses, so callers can
 * catch exactly the case they handle.
 */
public class SchemaRegistryException extends RuntimeException {

    private final int httpStatus;
    private final int errorCode;

    /**
     * @param httpStatus the HTTP status of the answer, 0 when none came
     * @param errorCode  Confluent's error code, 0 when none came
     * @param message    what was asked and what went wrong
     */
    public SchemaRegistryException(int httpStatus, int errorCode, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    /**
     * @param httpStatus the HTTP status of the answer, 0 when none came
     * @param errorCode  Confluent's error code, 0 when none came
     * @param message    what was asked and what went wrong
     * @param cause      the underlying failure
     */
    public SchemaRegistryException(int httpStatus, int errorCode, String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    /** @return the HTTP status of the registry's answer, 0 when none came */
    public int httpStatus() {
        return httpStatus;
    }

    /** @return Confluent's error code, 0 when none came */
    public int errorCode() {
        return errorCode;
    }

    /**
     * The exception for an error answer, of the subclass its status and code call for.
     *
     * @param httpStatus the HTTP status
     * @param errorCode  Confluent's error code, or the status when the body had none
     * @param message    the message to carry
     * @return never null
     */
    public static SchemaRegistryException of(int httpStatus, int errorCode, String message) {
        if (httpStatus == 401 || httpStatus == 403) {
            return new RegistryAccessDeniedException(httpStatus, errorCode, message);
        }
        if (httpStatus == 409 || errorCode == ErrorCodes.INCOMPATIBLE_SCHEMA) {
            return new IncompatibleSchemaException(message);
        }
        return switch (errorCode) {
            case ErrorCodes.SUBJECT_NOT_FOUND -> new SubjectNotFoundException(message);
            case ErrorCodes.VERSION_NOT_FOUND -> new VersionNotFoundException(message);
            case ErrorCodes.SCHEMA_NOT_FOUND -> new SchemaNotFoundException(message);
            case ErrorCodes.INVALID_SCHEMA -> new InvalidSchemaException(message);
            default -> new SchemaRegistryException(httpStatus, errorCode, message);
        };
    }
}
