package com.cmobile.ecosystem.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One kept-alive HTTP/1.1 connection doing GETs, one at a time, over a plain socket: the cheapest
 * client a JVM can be (the JDK's {@code HttpClient} costs more CPU per request than the server's
 * answer), so that the client's own CPU takes as little of the machine as it can. Understands what
 * the app answers: {@code Content-Length} or chunked bodies, {@code Connection: close}. Reconnects
 * by itself after a failure or a close. Not thread-safe.
 */
final class RawHttpConnection implements AutoCloseable {

    /** One answer: status, the {@code X-Served-By} header ("" without one) and the body. */
    record Answer(int status, String servedBy, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static final int TIMEOUT_MS = 10_000;

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private boolean reused;
    /** The last answer said the server closes the connection after it. */
    private boolean closeAfter;

    RawHttpConnection(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** {@code host:port}, as the app writes it in {@code X-Served-By}. */
    static RawHttpConnection to(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        return new RawHttpConnection(hostAndPort.substring(0, colon), Integer.parseInt(hostAndPort.substring(colon + 1)));
    }

    /** The request's bytes, computed once per target. */
    byte[] request(String pathAndQuery) {
        return ("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    Answer get(String pathAndQuery) throws IOException {
        return send(request(pathAndQuery));
    }

    /**
     * Sends a request made by {@link #request(String)} and reads its answer. A kept-alive connection
     * the server closed meanwhile is reopened and the request sent once more.
     */
    Answer send(byte[] request) throws IOException {
        boolean retry = socket != null && reused;
        try {
            return exchange(request);
        } catch (IOException e) {
            close();
            if (!retry) {
                throw e;
            }
            return exchange(request);
        }
    }

    private Answer exchange(byte[] request) throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(TIMEOUT_MS);
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MS);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = socket.getOutputStream();
            reused = false;
        }
        out.write(request);
        out.flush();
        Answer answer = read(in);
        reused = true;
        if (closeAfter) {
            close();
        }
        return answer;
    }

    /** Reads one HTTP/1.1 response from {@code in}. Package-private for its tests. */
    Answer read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (!statusLine.startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x answer from " + host + ":" + port + ": " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        String servedBy = "";
        closeAfter = statusLine.startsWith("HTTP/1.0");
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).strip();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "x-served-by" -> servedBy = value;
                case "connection" -> closeAfter = value.equalsIgnoreCase("close");
                default -> { }
            }
        }
        byte[] body;
        if (chunked) {
            var bytes = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(chunkSize(line(in)), 16); size > 0;
                 size = Integer.parseInt(chunkSize(line(in)), 16)) {
                bytes.write(exactly(in, size));
                line(in);
            }
            // Trailers, up to the empty line.
            String trailer = line(in);
            while (!trailer.isEmpty()) {
                trailer = line(in);
            }
            body = bytes.toByteArray();
        } else if (length >= 0) {
            body = exactly(in, (int) length);
        } else if (status == 204 || status == 304) {
            body = new byte[0];
        } else {
            body = in.readAllBytes();
            closeAfter = true;
        }
        return new Answer(status, servedBy, body);
    }

    private static String chunkSize(String line) {
        int semicolon = line.indexOf(';');
        return (semicolon < 0 ? line : line.substring(0, semicolon)).strip();
    }

    private static byte[] exactly(InputStream in, int n) throws IOException {
        byte[] bytes = in.readNBytes(n);
        if (bytes.length < n) {
            throw new EOFException("connection closed after " + bytes.length + " of " + n + " body bytes");
        }
        return bytes;
    }

    /** One CRLF-terminated line, without the CRLF. */
    private static String line(InputStream in) throws IOException {
        var line = new StringBuilder(64);
        for (int b = in.read(); ; b = in.read()) {
            if (b < 0) {
                throw new EOFException("connection closed in the middle of an answer");
            }
            if (b == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            line.append((char) b);
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Closing a socket we are done with: nothing to do about a failure.
            }
            socket = null;
        }
    }
}
