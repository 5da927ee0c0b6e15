package com.cmobile.ecosystem.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.cmobile.ecosystem.registry.server.BasicAuthentication.Credentials;
import com.cmobile.ecosystem.registry.server.RegistryUsers.Role;
import io.javalin.http.HandlerType;
import org.junit.jupiter.api.Test;

class BasicAuthenticationTest {

    private static String basic(String text) {
        return "Basic " + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsNeedTheReadRole() {
        assertThat(BasicAuthentication.roleNeeded(HandlerType.GET, "/subjects")).isEqualTo(Role.READ);
        assertThat(BasicAuthentication.roleNeeded(HandlerType.GET, "/config")).isEqualTo(Role.READ);
        assertThat(BasicAuthentication.roleNeeded(HandlerType.HEAD, "/schemas/ids/1")).isEqualTo(Role.READ);
    }

    @Test
    void lookupAndCompatibilityTestsChangeNothingSoNeedTheReadRole() {
        assertThat(BasicAuthentication.roleNeeded(HandlerType.POST, "/subjects/pop-capacity-value")).isEqualTo(Role.READ);
        assertThat(BasicAuthentication.roleNeeded(HandlerType.POST, "/subjects/pop-capacity-value/")).isEqualTo(Role.READ);
        assertThat(BasicAuthentication.roleNeeded(HandlerType.POST, "/compatibility/subjects/s/versions/latest"))
                .isEqualTo(Role.READ);
    }

    @Test
    void registeringConfiguringAndDeletingNeedTheWriteRole() {
        assertThat(BasicAuthentication.roleNeeded(HandlerType.POST, "/subjects/s/versions")).isEqualTo(Role.WRITE);
        assertThat(BasicAuthentication.roleNeeded(HandlerType.PUT, "/config")).isEqualTo(Role.WRITE);
        assertThat(BasicAuthentication.roleNeeded(HandlerType.PUT, "/config/s")).isEqualTo(Role.WRITE);
        assertThat(BasicAuthentication.roleNeeded(HandlerType.DELETE, "/subjects/s")).isEqualTo(Role.WRITE);
        assertThat(BasicAuthentication.roleNeeded(HandlerType.POST, "/subjects")).isEqualTo(Role.WRITE);
    }

    @Test
    void basicCredentialsSplitAtTheFirstColon() {
        assertThat(Credentials.of(basic("alice:pa:ss"))).contains(new Credentials("alice", "pa:ss"));
        assertThat(Credentials.of(basic("alice:"))).contains(new Credentials("alice", ""));
        assertThat(Credentials.of("basic  " + Base64.getEncoder().encodeToString("a:b".getBytes(StandardCharsets.UTF_8))))
                .contains(new Credentials("a", "b"));
    }

    @Test
    void otherSchemesAndMalformedHeadersCarryNoCredentials() {
        assertThat(Credentials.of(null)).isEmpty();
        assertThat(Credentials.of("Bearer abc")).isEmpty();
        assertThat(Credentials.of("Basic")).isEmpty();
        assertThat(Credentials.of("Basic not*base64")).isEmpty();
        assertThat(Credentials.of(basic("no-colon"))).isEmpty();
    }

    @Test
    void credentialsNeverPrintTheirPassword() {
        assertThat(new Credentials("alice", "s3cret").toString()).doesNotContain("s3cret");
    }
}
