package com.cmobile.ecosystem.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import com.cmobile.ecosystem.registry.StubRegistryServer.Response;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Basic-auth credentials under every property name Confluent's clients take, and the registry's 401 and 403. */
class RegistryCredentialsTest {

    private static final Schema SCHEMA = SchemaBuilder.record("Pop").fields().requiredString("popId").endRecord();
    /** Base64 of noc:s3cret. */
    private static final String NOC_S3CRET = "Basic bm9jOnMzY3JldA==";

    private StubRegistryServer server;
    private StubRegistryServer second;

    @AfterEach
    void stopServers() {
        if (server != null) {
            server.close();
        }
        if (second != null) {
            second.close();
        }
    }

    private String authorizationSentWith(Map<String, String> config) {
        server = StubRegistryServer.start(request -> Response.ok("{\"id\":1}"));
        new RestSchemaRegistryClient(RegistrySettings.from(server.url(), config)).register("s", SCHEMA);
        return server.lastRequest().authorization().orElse("(none)");
    }

    @Test
    void confluentsPrefixedUserInfoIsSent() {
        assertThat(authorizationSentWith(Map.of("basic.auth.credentials.source", "USER_INFO",
                "schema.registry.basic.auth.user.info", "noc:s3cret"))).isEqualTo(NOC_S3CRET);
    }

    @Test
    void thePrefixedCredentialsSourceCountsWhenTheUnprefixedOneIsAbsent() {
        assertThat(authorizationSentWith(Map.of("schema.registry.basic.auth.credentials.source", "user_info",
                "schema.registry.basic.auth.user.info", "noc:s3cret"))).isEqualTo(NOC_S3CRET);
    }

    @Test
    void thePrefixedUserInfoWinsAsInConfluentsJavaClient() {
        assertThat(authorizationSentWith(Map.of("basic.auth.credentials.source", "USER_INFO",
                "basic.auth.user.info", "other:pw", "schema.registry.basic.auth.user.info", "noc:s3cret")))
                .isEqualTo(NOC_S3CRET);
    }

    @Test
    void userInfoIsIgnoredUnlessTheSourceIsUserInfo() {
        assertThat(authorizationSentWith(Map.of("basic.auth.user.info", "noc:s3cret"))).isEqualTo("(none)");
    }

    @Test
    void userInfoWithoutAColonIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> RegistrySettings.from("http://localhost:8081",
                Map.of("basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "just-a-token")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("user:password")
                .message().doesNotContain("just-a-token");
    }

    @Test
    void saslInheritIsRefusedByName() {
        assertThatThrownBy(() -> RegistrySettings.from("http://localhost:8081",
                Map.of("basic.auth.credentials.source", "SASL_INHERIT")))
                .hasMessageContaining("SASL_INHERIT").hasMessageContaining("USER_INFO or URL");
    }

    @Test
    void settingsPrintTheUserButNeverThePassword() {
        var settings = RegistrySettings.from("http://a:b@localhost:8081",
                Map.of("basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "noc:s3cret"));

        assertThat(settings.toString()).contains("noc").doesNotContain("s3cret").doesNotContain("a:b");
        assertThat(settings.userName()).contains("noc");
    }

    @Test
    void refusedCredentialsAreAnAccessErrorNamingTheUserAndNotTriedOnTheNextUrl() {
        server = StubRegistryServer.start(request -> Response.error(401, 401, "Unauthorized"));
        second = StubRegistryServer.start(request -> Response.ok("{\"id\":1}"));
        var client = new RestSchemaRegistryClient(RegistrySettings.from(server.url() + "," + second.url(),
                Map.of("basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "noc:s3cret")));

        assertThatThrownBy(() -> client.register("s", SCHEMA))
                .isInstanceOfSatisfying(RegistryAccessDeniedException.class, e -> {
                    assertThat(e.credentialsRefused()).isTrue();
                    assertThat(e.httpStatus()).isEqualTo(401);
                    assertThat(e.getMessage()).contains("HTTP 401").contains("Unauthorized")
                            .contains("refused the credentials of user 'noc'").doesNotContain("s3cret");
                });
        assertThat(second.requests()).isEmpty();
    }

    @Test
    void missingCredentialsSayWhichPropertiesToSet() {
        server = StubRegistryServer.start(request -> Response.error(401, 401, "Unauthorized"));

        assertThatThrownBy(() -> new RestSchemaRegistryClient(RegistrySettings.from(server.url(), Map.of())).schemaById(1))
                .isInstanceOf(RegistryAccessDeniedException.class)
                .hasMessageContaining("none were sent")
                .hasMessageContaining("basic.auth.credentials.source=USER_INFO");
    }

    @Test
    void aUserWithoutRightsIsAnAccessErrorNamingTheUser() {
        server = StubRegistryServer.start(request -> Response.error(403, 403, "User 'noc' has the read role"));
        String url = server.url().replace("http://", "http://noc:s3cret@");

        assertThatThrownBy(() -> new RestSchemaRegistryClient(RegistrySettings.from(url, Map.of())).register("s", SCHEMA))
                .isInstanceOfSatisfying(RegistryAccessDeniedException.class, e -> {
                    assertThat(e.credentialsRefused()).isFalse();
                    assertThat(e.getMessage()).contains("HTTP 403").contains("user 'noc' lacks the rights")
                            .doesNotContain("s3cret");
                });
    }
}
