package com.cmobile.ecosystem.app.it.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * HTTP/1.1 over a plain socket, one request per connection, for requests a well-behaved client
 * refuses to send (raw bytes in the path, odd methods, oversized headers, broken framing).
 */
final class RawHttp {

    /** A response as received; {@code headers} by lower-case name (the last value wins). */
    record Response(int status, Map<String, String> headers, byte[] body, long millis) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private RawHttp() {
    }

    /**
     * Sends {@code request} and reads the response, waiting at most {@code timeoutMillis} for each read.
     *
     * @return empty when the connection ended without a status line
     * @throws SocketTimeoutException when the server stays silent past the timeout (a hang)
     */
    static Optional<Response> exchange(int port, byte[] request, boolean head, int timeoutMillis) throws IOException {
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException e) {
                // The server may answer and close before it has read an oversized request: read what it said.
            }
            InputStream in = socket.getInputStream();
            String statusLine;
            try {
                statusLine = line(in);
            } catch (SocketTimeoutException e) {
                throw e;
            } catch (IOException e) {
                return Optional.empty();
            }
            if (statusLine == null || !statusLine.startsWith("HTTP/1.")) {
                return Optional.empty();
            }
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            Map<String, String> headers = new HashMap<>();
            for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                if (colon > 0) {
                    headers.put(header.substring(0, colon).strip().toLowerCase(Locale.ROOT), header.substring(colon + 1).strip());
                }
            }
            byte[] body;
            if (head || status == 204 || status == 304 || status / 100 == 1) {
                body = new byte[0];
            } else if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""))) {
                body = chunked(in);
            } else if (headers.containsKey("content-length")) {
                body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
            } else {
                body = in.readAllBytes();
            }
            if ("gzip".equalsIgnoreCase(headers.getOrDefault("content-encoding", "")) && body.length > 0) {
                // Javalin compresses larger answers for clients that accept gzip.
                try (var unzip = new GZIPInputStream(new ByteArrayInputStream(body))) {
                    body = unzip.readAllBytes();
                }
            }
            return Optional.of(new Response(status, headers, body, (System.nanoTime() - start) / 1_000_000));
        }
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line(in);
            if (sizeLine == null) {
                throw new IOException("chunked body ended early");
            }
            int size = Integer.parseInt(sizeLine.split(";")[0].strip(), 16);
            if (size == 0) {
                for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
                    // trailers: none expected
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            line(in);
        }
    }

    /** One line without its CRLF, or null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
