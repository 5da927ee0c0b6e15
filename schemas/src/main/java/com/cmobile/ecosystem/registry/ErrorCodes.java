package com.cmobile.ecosystem.registry;

/**
 * The {@code error_code} values of Confluent Schema Registry's REST API, shared by this module's
 * client and by the registry server of the local run, so both speak the same dialect.
 *
 * <p>Most codes are the HTTP status followed by two digits ({@code 40401} is a 404); an
 * incompatible schema is plainly {@code 409}.
 */
public final class ErrorCodes {

    /** 401: the credentials are missing or wrong. */
    public static final int UNAUTHORIZED = 40101;
    /** 404: the subject has no versions. */
    public static final int SUBJECT_NOT_FOUND = 40401;
    /** 404: the subject exists but not that version. */
    public static final int VERSION_NOT_FOUND = 40402;
    /** 404: no schema has that id, or the schema is not registered under the subject. */
    public static final int SCHEMA_NOT_FOUND = 40403;
    /** 404: the subject was soft-deleted. */
    public static final int SUBJECT_SOFT_DELETED = 40404;
    /** 404: the subject has no subject-level compatibility configured. */
    public static final int SUBJECT_COMPATIBILITY_NOT_CONFIGURED = 40408;
    /** 409: the schema is incompatible with earlier versions under the subject's compatibility level. */
    public static final int INCOMPATIBLE_SCHEMA = 409;
    /** 422: the schema does not parse. */
    public static final int INVALID_SCHEMA = 42201;
    /** 422: the version is not a positive number or "latest". */
    public static final int INVALID_VERSION = 42202;
    /** 422: the compatibility level is not one of {@link CompatibilityLevel}. */
    public static final int INVALID_COMPATIBILITY_LEVEL = 42203;
    /** 500: the registry could not write to its backing store. */
    public static final int STORE_ERROR = 50001;
    /** 500: the registry timed out, typically waiting for its store. */
    public static final int OPERATION_TIMEOUT = 50002;
    /** 500: a follower could not forward a write to the leader. */
    public static final int REQUEST_FORWARDING_FAILED = 50003;

    private ErrorCodes() {
    }

    /**
     * The HTTP status a Confluent error code travels with.
     *
     * @param errorCode a Confluent error code, for example {@value #SUBJECT_NOT_FOUND}
     * @return for example 404; the code itself when it already is a 3-digit status
     */
    public static int httpStatusOf(int errorCode) {
        return errorCode >= 10_000 ? errorCode / 100 : errorCode;
    }
}
