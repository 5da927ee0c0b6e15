package com.cmobile.ecosystem.app.topology.internal;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;

import com.cmobile.ecosystem.registry.RegistryAccessDeniedException;
import com.cmobile.ecosystem.serde.RegistryCredentialsException;
import com.cmobile.ecosystem.serde.RegistryUnavailableException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Tells failures of the environment (worth retrying) and of the configuration (worth stopping)
 * from failures of the record (worth a DLQ).
 */
public final class Failures {

    private Failures() {
    }

    /**
     * Whether something in the cause chain says a remote system (schema registry, broker) could
     * not be reached. Other I/O exceptions are not counted: Avro reports truncated bytes as an
     * {@code EOFException}, and those bytes will never get better.
     */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RegistryUnavailableException || t instanceof SocketException || t instanceof SocketTimeoutException
                    || t instanceof UnknownHostException || t instanceof HttpTimeoutException
                    || t instanceof RetriableException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the schema registry refused this application's credentials (401) or rights (403):
     * neither a passing failure nor the record's fault, so the record must not be dead-lettered
     * (every record would be) and retrying will not help until the configuration is fixed.
     */
    public static boolean isRegistryAccessRefused(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RegistryCredentialsException || t instanceof RegistryAccessDeniedException) {
                return true;
            }
        }
        return false;
    }
}
