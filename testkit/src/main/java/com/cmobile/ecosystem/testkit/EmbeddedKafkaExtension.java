package com.cmobile.ecosystem.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension handing tests an {@link EmbeddedKafka}: a running embedded broker and, with a
 * {@link SchemaRegistryProvider} on the class path, a schema registry.
 *
 * <pre>{@code
 * @ExtendWith(EmbeddedKafkaExtension.class)
 * class PopCapacityIT {
 *     @Test
 *     void capacityIsSummedPerCity(EmbeddedKafka kafka) { ... kafka.bootstrapServers() ... }
 * }
 * }</pre>
 *
 * <p>One broker and registry per test JVM: started lazily by the first test that asks, kept in
 * the root context's store and closed by JUnit when the whole run ends. Works for constructor,
 * lifecycle-method ({@code @BeforeAll}) and test-method parameters.
 */
public final class EmbeddedKafkaExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(EmbeddedKafkaExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == EmbeddedKafka.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return shared(extensionContext);
    }

    /** The JVM-wide instance, started on first use: for extensions that build on the shared broker. */
    public static EmbeddedKafka shared(ExtensionContext extensionContext) {
        return extensionContext.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(EmbeddedKafka.class, type -> EmbeddedKafka.start(), EmbeddedKafka.class);
    }
}
