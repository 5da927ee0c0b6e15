package com.cmobile.ecosystem.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Reading the app's HTTP/1.1 answers off a kept-alive connection. */
class RawHttpConnectionTest {

    private final RawHttpConnection connection = new RawHttpConnection("127.0.0.1", 8080);

    @Test
    void readsABodyOfContentLengthAndLeavesTheNextAnswerInTheStream() throws IOException {
        InputStream in = stream("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nX-Served-By: 127.0.0.1:8081\r\n\r\nokHTTP/1.1 404 Not Found\r\n"
                + "Content-Length: 0\r\n\r\n");

        var first = connection.read(in);
        var second = connection.read(in);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.servedBy()).isEqualTo("127.0.0.1:8081");
        assertThat(first.text()).isEqualTo("ok");
        assertThat(second.status()).isEqualTo(404);
        assertThat(second.body()).isEmpty();
    }

    @Test
    void readsAChunkedBody() throws IOException {
        InputStream in = stream("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n{\"a\"\r\n3;x=y\r\n:1}\r\n0\r\n\r\n");

        assertThat(connection.read(in).text()).isEqualTo("{\"a\":1}");
    }

    @Test
    void anAnswerCutShortIsAnError() {
        InputStream in = stream("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort");

        assertThatThrownBy(() -> connection.read(in)).isInstanceOf(EOFException.class);
    }

    @Test
    void somethingElseThanHttpIsAnError() {
        assertThatThrownBy(() -> connection.read(stream("SSH-2.0-OpenSSH\r\n\r\n"))).isInstanceOf(IOException.class)
                .hasMessageContaining("not an HTTP/1.x answer");
    }

    @Test
    void theRequestIsAPlainKeptAliveGet() {
        assertThat(new String(connection.request("/api/v1/pops/p-1"), StandardCharsets.US_ASCII))
                .isEqualTo("GET /api/v1/pops/p-1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n");
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
