package com.cmobile.ecosystem.serde;

import static com.cmobile.ecosystem.testing.SampleEvents.pop;
import static org.assertj.core.api.Assertions.assertThat;

import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The serdes against a registry over HTTP: after the first record, no request at all. */
class RestRegistryHotPathTest {

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void startRegistry() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            String body = path.startsWith("/schemas/ids/21")
                    ? "{\"schema\":" + quoted(PopCapacityEvent.getClassSchema().toString()) + ",\"schemaType\":\"AVRO\"}"
                    : "{\"id\":21,\"extra\":1}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    @AfterEach
    void stopRegistry() {
        server.stop(0);
    }

    @Test
    void thousandRecordsCostOneRegisterAndOneSchemaFetch() {
        var serde = EventSerdes.popCapacity(Map.of("schema.registry.url", "http://127.0.0.1:" + server.getAddress().getPort()));

        for (int i = 0; i < 1_000; i++) {
            byte[] bytes = serde.serializer().serialize("pop-capacity", pop().setCapacityMbps(i).build());
            assertThat(serde.deserializer().deserialize("pop-capacity", bytes).getCapacityMbps()).isEqualTo(i);
        }

        assertThat(requests.get()).isEqualTo(2);
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
