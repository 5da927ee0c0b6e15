package com.cmobile.ecosystem.registry.server;

import com.cmobile.ecosystem.testkit.EmbeddedKafka;
import com.cmobile.ecosystem.testkit.EmbeddedKafkaExtension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands a test class a registry server of its own, with its own schema topic on testkit's shared
 * broker: fresh ids, subjects and compatibility settings whatever else runs in the JVM. Resolves
 * {@link RegistryHttp} parameters (constructor, lifecycle or test method) to a client of that
 * server; one server per test class, closed with it.
 */
final class IsolatedRegistry implements ParameterResolver {

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
        String name = "_schemas-" + testClass.getRequiredTestClass().getSimpleName();
        return testClass.getStore(NAMESPACE).getOrComputeIfAbsent(Server.class,
                type -> Server.start(EmbeddedKafkaExtension.shared(extensionContext), name), Server.class).http();
    }

    private record Server(SchemaRegistryServer server, RegistryHttp http) implements AutoCloseable {

        static Server start(EmbeddedKafka kafka, String name) {
            var server = SchemaRegistryServer.start(kafka.bootstrapServers(), 0, kafka.uniqueName(name));
            return new Server(server, new RegistryHttp(server.url()));
        }

        @Override
        public void close() {
            server.close();
        }
    }
}
