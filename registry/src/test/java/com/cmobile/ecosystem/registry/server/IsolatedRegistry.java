package com.cmobile.ecosystem.registry.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Optional;

import com.cmobile.ecosystem.testkit.EmbeddedKafka;
import com.cmobile.ecosystem.testkit.EmbeddedKafkaExtension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands a test class a registry server of its own, with its own schema topic on testkit's shared
 * broker: fresh ids, subjects and compatibility settings whatever else runs in the JVM. Resolves
 * {@link RegistryHttp} parameters (constructor, lifecycle or test method) to a client of that
 * server; one server per test class, closed with it. A class annotated {@link WithRegistryUsers}
 * gets a server with basic auth for those users (the client it is handed sends no credentials:
 * {@link RegistryHttp#as}).
 */
final class IsolatedRegistry implements ParameterResolver {

    private static final String USERS_FILE = "users";
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(IsolatedRegistry.class);

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == RegistryHttp.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        ExtensionContext testClass = extensionContext;
        while (testClass.getTestMethod().isPresent()) {
            testClass = testClass.getParent().orElseThrow();
        }
        Class<?> type = testClass.getRequiredTestClass();
        String name = "_schemas-" + type.getSimpleName();
        Optional<WithRegistryUsers> users = Optional.ofNullable(type.getAnnotation(WithRegistryUsers.class));
        return testClass.getStore(NAMESPACE).getOrComputeIfAbsent(Server.class,
                key -> Server.start(EmbeddedKafkaExtension.shared(extensionContext), name, users), Server.class).http();
    }

    private record Server(SchemaRegistryServer server, RegistryHttp http, Optional<Path> usersDirectory)
            implements AutoCloseable {

        static Server start(EmbeddedKafka kafka, String name, Optional<WithRegistryUsers> users) {
            Optional<Path> directory = users.map(Server::writeUsersFile);
            var server = SchemaRegistryServer.start(kafka.bootstrapServers(), 0, kafka.uniqueName(name),
                    directory.map(dir -> RegistryUsers.load(dir.resolve(USERS_FILE))));
            return new Server(server, new RegistryHttp(server.url()), directory);
        }

        /** The users, hashed with the least iterations the server accepts (fast tests), in a fresh directory. */
        private static Path writeUsersFile(WithRegistryUsers users) {
            try {
                Path directory = Files.createTempDirectory("registry-users");
                var lines = new ArrayList<String>();
                for (String user : users.value()) {
                    String[] fields = user.split(":", 3);
                    var role = RegistryUsers.Role.parse(fields[1]).orElseThrow();
                    lines.add(RegistryUsers.line(fields[0], role, fields[2].toCharArray(), PasswordHash.MIN_ITERATIONS));
                }
                Files.write(directory.resolve(USERS_FILE), lines);
                return directory;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            if (usersDirectory.isPresent()) {
                Files.deleteIfExists(usersDirectory.get().resolve(USERS_FILE));
                Files.deleteIfExists(usersDirectory.get());
            }
        }
    }
}
