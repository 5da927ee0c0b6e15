package com.cmobile.ecosystem.local.it.e2e;

import com.cmobile.ecosystem.testkit.ChildProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The launcher as the README runs it: {@code java -XX:TieredStopAtLevel=1 -jar local-run/target/local-run.jar ...} in a
 * child JVM, its output collected line by line so tests can wait for a line and read it all.
 */
final class LocalRunProcess {

    static final Path JAR = Path.of("target", "local-run.jar");

    private LocalRunProcess() {
    }

    static ChildProcess start(String... args) {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run the package phase first");
        }
        var command = ChildProcess.java();
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        return ChildProcess.start("local run", new ProcessBuilder(command));
    }

    static int freePort() {
        try (var socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
