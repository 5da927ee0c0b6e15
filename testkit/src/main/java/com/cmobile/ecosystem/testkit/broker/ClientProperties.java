package com.cmobile.ecosystem.testkit.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Kafka client properties for a user of the secure broker, under the standard names any Java
 * client reads ({@code security.protocol}, {@code sasl.mechanism}, {@code sasl.jaas.config},
 * {@code ssl.truststore.*}), and the file a partner is handed ({@code partner-demo.properties}).
 */
public final class ClientProperties {

    private ClientProperties() {
    }

    /** {@code bootstrap.servers} and the SASL_SSL / SCRAM-SHA-512 settings of {@code user}, trusting the CA. */
    public static Map<String, String> scram(String bootstrapServers, ScramUser user, TlsMaterial tls) {
        var p = new TreeMap<String, String>();
        p.put("bootstrap.servers", bootstrapServers);
        p.put("security.protocol", "SASL_SSL");
        p.put("sasl.mechanism", BrokerSecurity.SCRAM_MECHANISM);
        p.put("sasl.jaas.config", user.jaasConfig());
        p.put("ssl.truststore.type", "PEM");
        p.put("ssl.truststore.location", tls.caCertificate().toAbsolutePath().toString());
        return p;
    }

    /**
     * Writes {@code properties} as a Java properties file readable by its owner only (it holds a
     * password), replacing any earlier file.
     */
    public static Path write(Map<String, String> properties, Path file, String comment) {
        var text = new StringBuilder("# ").append(comment.replace("\n", " ")).append('\n');
        new TreeMap<>(properties).forEach((key, value) -> text.append(key).append('=')
                .append(escape(value)).append('\n'));
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            TlsMaterial.writeOwnerOnly(file, text.toString());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write client properties " + file, e);
        }
    }

    /** Backslashes doubled, as {@link java.util.Properties#load} reads them. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\");
    }
}
