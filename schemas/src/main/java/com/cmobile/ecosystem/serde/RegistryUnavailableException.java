package com.cmobile.ecosystem.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * The schema registry could not be asked (unreachable, timed out, 5xx): the record itself may be
 * fine. Deserialization exception handlers should stop or retry on it rather than dead-letter
 * the record; it is a {@link SerializationException} so generic handlers still see it.
 */
public class RegistryUnavailableException extends SerializationException {

    /**
     * @param message what was being done, for which topic
     * @param cause   the registry client's exception
     */
    public RegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
