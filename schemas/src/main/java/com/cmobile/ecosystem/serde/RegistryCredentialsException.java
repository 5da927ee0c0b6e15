package com.cmobile.ecosystem.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * The schema registry refused this client's credentials (HTTP 401) or its user lacks the rights
 * the call needs (HTTP 403): the client is misconfigured, the record may be fine. Neither a
 * passing failure to retry (not a {@link RegistryUnavailableException}) nor a bad record to
 * dead-letter: exception handlers should stop and say so. It is a {@link SerializationException}
 * so generic handlers still see it; its message names the user, never the password.
 */
public class RegistryCredentialsException extends SerializationException {

    /**
     * @param message what was being done, for which topic, and what the registry said
     * @param cause   the registry client's {@link com.cmobile.ecosystem.registry.RegistryAccessDeniedException}
     */
    public RegistryCredentialsException(String message, Throwable cause) {
        super(message, cause);
    }
}
