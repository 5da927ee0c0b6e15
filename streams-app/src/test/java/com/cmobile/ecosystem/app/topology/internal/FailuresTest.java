package com.cmobile.ecosystem.app.topology.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.net.ConnectException;

import com.cmobile.ecosystem.registry.RegistryAccessDeniedException;
import com.cmobile.ecosystem.serde.RegistryCredentialsException;
import com.cmobile.ecosystem.serde.RegistryUnavailableException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void unavailableRegistryIsTransient() {
        assertThat(Failures.isTransient(new RegistryUnavailableException("GET /schemas/ids/7", new RuntimeException())))
                .isTrue();
    }

    @Test
    void refusedConnectionAnywhereInTheCauseChainIsTransient() {
        assertThat(Failures.isTransient(new SerializationException("x", new RuntimeException(new ConnectException()))))
                .isTrue();
    }

    @Test
    void truncatedAvroBytesAreTheRecordsFault() {
        assertThat(Failures.isTransient(new SerializationException("x", new EOFException()))).isFalse();
    }

    @Test
    void refusedRegistryCredentialsAreNeitherTransientNorTheRecordsFault() {
        var refused = new SerializationException("x", new RegistryCredentialsException("topic t: HTTP 401",
                new RegistryAccessDeniedException(401, 401, "Unauthorized")));

        assertThat(Failures.isRegistryAccessRefused(refused)).isTrue();
        assertThat(Failures.isTransient(refused)).isFalse();
    }

    @Test
    void otherFailuresAreNoRegistryRefusal() {
        assertThat(Failures.isRegistryAccessRefused(new RegistryUnavailableException("down", new RuntimeException())))
                .isFalse();
        assertThat(Failures.isRegistryAccessRefused(new SerializationException("x", new EOFException()))).isFalse();
    }
}
