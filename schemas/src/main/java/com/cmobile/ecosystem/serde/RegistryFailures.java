package com.cmobile.ecosystem.serde;

import com.cmobile.ecosystem.registry.RegistryAccessDeniedException;
import com.cmobile.ecosystem.registry.SchemaRegistryException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Turns registry failures into the serde's exceptions, keeping "registry down" and "registry
 * refuses us" apart from "bad data".
 */
final class RegistryFailures {

    private RegistryFailures() {
    }

    static SerializationException wrap(String context, SchemaRegistryException e) {
        String message = context + ": " + e.getMessage();
        if (e instanceof RegistryAccessDeniedException) {
            return new RegistryCredentialsException(message, e);
        }
        if (e.httpStatus() == 0 || e.httpStatus() >= 500) {
            return new RegistryUnavailableException(message, e);
        }
        return new SerializationException(message, e);
    }
}
