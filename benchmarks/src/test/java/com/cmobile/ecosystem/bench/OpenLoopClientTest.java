package com.cmobile.ecosystem.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.cmobile.ecosystem.bench.OpenLoopClient.Step;
import com.cmobile.ecosystem.bench.OpenLoopClient.Target;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The open-loop client against a tiny loopback HTTP server: every request due after the warm-up is
 * recorded once, and a server stall is charged to every request it delayed (coordinated omission
 * corrected), not only to the one that was in flight.
 */
class OpenLoopClientTest {

    private final AtomicInteger requests = new AtomicInteger();
    private volatile int stallAt = -1;
    private ServerSocket server;

    @AfterEach
    void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyRequestDueAfterTheWarmUpIsRecordedOnce() throws Exception {
        String address = startServer();
        var step = new Step(200, Duration.ofMillis(300), Duration.ofSeconds(1), 4, 1,
                List.of(new Target("key", address, "/a", address), new Target("list", address, "/b", "-")));

        var result = OpenLoopClient.measure(step);

        assertThat(result.recorded()).isEqualTo(200);
        assertThat(result.answered()).isEqualTo(200);
        assertThat(result.kinds().get("key").micros().getTotalCount()).isEqualTo(100);
        assertThat(result.kinds().get("list").micros().getTotalCount()).isEqualTo(100);
        assertThat(result.kinds().get("key").servedElsewhere()).isZero();
    }

    @Test
    void aStallIsChargedToEveryRequestItHeldUp() throws Exception {
        String address = startServer();
        // 100 requests/s over one connection; the 50th answer takes 500 ms.
        stallAt = 50;
        var step = new Step(100, Duration.ZERO, Duration.ofSeconds(2), 1, 1,
                List.of(new Target("key", address, "/a", "-")));

        var micros = OpenLoopClient.measure(step).kinds().get("key").micros();

        // A closed-loop client would see one slow request; here the ~25 due in the stall's first half
        // waited at least 250 ms from when they were due.
        long slow = micros.getTotalCount() - micros.getCountBetweenValues(0, 250_000);
        assertThat(micros.getTotalCount()).isEqualTo(200);
        assertThat(slow).isGreaterThanOrEqualTo(20);
    }

    @Test
    void aStepAndAResultSurviveTheTripThroughTheirFiles() throws Exception {
        String address = startServer();
        var step = new Step(250.5, Duration.ofMillis(100), Duration.ofMillis(400), 3, 7,
                List.of(new Target("routed", address, "/x?y=1", "127.0.0.1:1")));
        assertThat(Step.read(step.write().lines().toList())).isEqualTo(step);

        var result = OpenLoopClient.measure(step);
        var back = OpenLoopClient.readResult(OpenLoopClient.writeResult(result).lines().toList());

        assertThat(back.recorded()).isEqualTo(result.recorded());
        assertThat(back.kinds().get("routed").micros()).isEqualTo(result.kinds().get("routed").micros());
        assertThat(back.kinds().get("routed").servedElsewhere()).isEqualTo(result.recorded());
    }

    /** Answers every GET with 200 "ok" and X-Served-By 127.0.0.1:<port>; stalls once if asked. */
    private String startServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        String address = "127.0.0.1:" + server.getLocalPort();
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    Thread connection = new Thread(() -> serve(socket, address));
                    connection.setDaemon(true);
                    connection.start();
                } catch (IOException closed) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        return address;
    }

    private void serve(Socket socket, String address) {
        try (socket) {
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            byte[] answer = ("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nX-Served-By: " + address + "\r\n\r\nok")
                    .getBytes(StandardCharsets.US_ASCII);
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isEmpty()) {
                    continue;
                }
                if (requests.incrementAndGet() == stallAt) {
                    Thread.sleep(500);
                }
                out.write(answer);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // The client closed the connection.
        }
    }
}
