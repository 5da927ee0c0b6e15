package com.cmobile.ecosystem.registry;

/**
 * The registry refused this client: no or wrong credentials (HTTP 401), or a user without the
 * rights the request needs (HTTP 403). A configuration problem, not a passing one: retrying or
 * trying another registry URL will not help, so the client does neither.
 */
public class RegistryAccessDeniedException extends SchemaRegistryException {

    /**
     * @param httpStatus 401 or 403
     * @param errorCode  Confluent's error code from the body, else the status
     * @param message    what was asked, what the registry said and what to check
     */
    public RegistryAccessDeniedException(int httpStatus, int errorCode, String message) {
        super(httpStatus, errorCode, message);
    }

    /** @return true for 401 (credentials missing or wrong), false for 403 (user lacks the rights) */
    public boolean credentialsRefused() {
        return httpStatus() == 401;
    }
}
