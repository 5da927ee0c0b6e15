package com.cmobile.ecosystem.app.topology.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.net.ConnectException;

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
}
