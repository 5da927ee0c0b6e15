package com.cmobile.ecosystem.testkit.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a persistent secure run relies on: the same users, CA and topics after a restart. */
class SecureBrokerRestartIT {

    @Test
    void aRestartOnTheSameDirectoriesKeepsUsersCertificatesAndTopics(@TempDir Path root) throws Exception {
        Path data = root.resolve("kafka");
        Path secure = root.resolve("secure");
        List<ScramUser> users = ScramCredentials.loadOrCreate(secure.resolve("scram-users.properties"), List.of("admin"));
        var settings = BrokerSettings.defaults().withDataDirectory(data)
                .withSecurity(BrokerSecurity.of(users.get(0), List.of()).withTlsDirectory(secure));
        byte[] ca;
        try (var broker = EmbeddedKafkaBroker.start(settings); var admin = admin(broker)) {
            admin.createTopics(List.of(new NewTopic("kept-secure", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            ca = Files.readAllBytes(broker.tls().caCertificate());
        }

        List<ScramUser> reloaded = ScramCredentials.loadOrCreate(secure.resolve("scram-users.properties"), List.of("admin"));
        var restartedSettings = BrokerSettings.defaults().withDataDirectory(data)
                .withSecurity(BrokerSecurity.of(reloaded.get(0), List.of()).withTlsDirectory(secure));
        try (var broker = EmbeddedKafkaBroker.start(restartedSettings); var admin = admin(broker)) {
            assertThat(Files.readAllBytes(broker.tls().caCertificate())).isEqualTo(ca);
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("kept-secure");
        }
        assertThat(secure.resolve("broker.p12")).exists();
        assertThat(data.resolve("secure")).doesNotExist();
    }

    private static Admin admin(EmbeddedKafkaBroker broker) {
        return Admin.create(new HashMap<String, Object>(broker.clientProperties("admin")));
    }
}
