package com.cmobile.ecosystem.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.cmobile.ecosystem.app.query.PeerSecret;
import com.cmobile.ecosystem.app.topology.StoreNames;
import com.cmobile.ecosystem.app.topology.model.PopState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tokens, scopes and the peer secret through the real server and routes. */
class ApiAccessTest {

    private static final String READER = NewApiToken.newToken();
    private static final String SCRAPER = NewApiToken.newToken();
    private static final String SECRET = NewApiToken.newToken();
    private static final ApiTokens TOKENS = ApiTokens.parse(List.of(
            ApiTokens.line("dashboard", READER, Set.of(Scope.READ)),
            ApiTokens.line("prometheus", SCRAPER, Set.of(Scope.METRICS))), "test");

    private HttpFixture http;

    @AfterEach
    void stop() {
        if (http != null) {
            http.close();
        }
    }

    private HttpFixture secured(boolean metricsPublic) {
        http = new HttpFixture(new ApiAccess(Optional.of(TOKENS), metricsPublic, Optional.of(PeerSecret.of(SECRET))));
        return http;
    }

    private static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }

    private static void assertRefused(HttpFixture.Response response, int status, String error) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.json().get("error").asText()).isEqualTo(error);
        assertThat(response.json().get("message").asText()).isNotBlank();
    }

    @Test
    void withoutATokenTheApiAnswers401WithABearerChallenge() {
        var response = secured(false).get("/api/v1/capacity");

        assertRefused(response, 401, "unauthorized");
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"ecosystem\"");
    }

    @Test
    void anUnknownTokenOrAnotherSchemeIs401() {
        secured(false);

        var unknown = http.get("/api/v1/capacity", bearer(NewApiToken.newToken()));
        assertRefused(unknown, 401, "unauthorized");
        assertThat(unknown.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
        assertRefused(http.get("/api/v1/capacity", "Authorization", "Basic " + READER), 401, "unauthorized");
        assertRefused(http.get("/api/v1/capacity", "Authorization", "Bearer "), 401, "unauthorized");
    }

    @Test
    void aMetricsTokenOnTheApiIs403() {
        assertRefused(secured(false).get("/api/v1/capacity", bearer(SCRAPER)), 403, "forbidden");
    }

    @Test
    void aReadTokenReadsTheApiInAnyCaseOfTheScheme() {
        secured(false);

        assertThat(http.get("/api/v1/capacity", bearer(READER)).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/capacity", "Authorization", "bearer  " + READER).status()).isEqualTo(200);
    }

    @Test
    void aRefusalIsTheSameForAnExistingKeyAMissingKeyAndNoRoute() {
        secured(false);
        http.cluster.put(StoreNames.POP_STATE, "pop-1",
                new PopState("pop-1", true, "Paris", "FR", "CM Europe", 1500, Instant.parse("2026-03-01T08:00:00Z"), "e1"));

        for (String[] headers : List.of(new String[0], bearer(NewApiToken.newToken()), bearer(SCRAPER))) {
            var existing = http.get("/api/v1/pops/pop-1", headers);
            var missing = http.get("/api/v1/pops/pop-2", headers);
            var noRoute = http.get("/api/v1/nothing/here", headers);

            assertThat(existing.status()).isIn(401, 403);
            assertThat(missing.body()).isEqualTo(existing.body());
            assertThat(missing.status()).isEqualTo(existing.status());
            assertThat(noRoute.body()).isEqualTo(existing.body());
        }
        assertThat(http.get("/api/v1/pops/pop-1", bearer(READER)).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/pops/pop-2", bearer(READER)).status()).isEqualTo(404);
    }

    @Test
    void metricsNeedAMetricsTokenUnlessPublic() {
        secured(false);
        assertRefused(http.get("/metrics"), 401, "unauthorized");
        assertRefused(http.get("/metrics", bearer(READER)), 403, "forbidden");
        assertThat(http.get("/metrics", bearer(SCRAPER)).status()).isEqualTo(200);
        http.close();

        secured(true);
        assertThat(http.get("/metrics").status()).isEqualTo(200);
        assertRefused(http.get("/api/v1/capacity"), 401, "unauthorized");
    }

    @Test
    void healthStaysOpen() {
        secured(false);

        assertThat(http.get("/health/live").status()).isEqualTo(200);
        assertThat(http.get("/health/ready").status()).isEqualTo(503);
        assertThat(http.get("/health/live/").status()).isEqualTo(200);
    }

    @Test
    void internalRoutesNeedThePeerSecretAndNoToken() {
        secured(false);
        String path = "/internal/v1/instance";

        assertRefused(http.get(path), 401, "unauthorized");
        assertRefused(http.get(path, bearer(READER)), 401, "unauthorized");
        assertRefused(http.get(path, PeerSecret.HEADER, NewApiToken.newToken()), 401, "unauthorized");
        assertThat(http.get(path, PeerSecret.HEADER, SECRET).status()).isEqualTo(200);
        assertRefused(http.get("//internal/v1/instance", bearer(READER)), 401, "unauthorized");
    }

    @Test
    void openAccessLetsEverythingThrough() {
        http = new HttpFixture();

        assertThat(http.get("/api/v1/capacity").status()).isEqualTo(200);
        assertThat(http.get("/metrics").status()).isEqualTo(200);
        assertThat(http.get("/internal/v1/instance").status()).isEqualTo(200);
    }

    @Test
    void pathsAreClassifiedStrictlyBeyondTheOpenOnes() {
        assertThat(ApiAccess.area("/health/live")).isEqualTo(ApiAccess.Area.HEALTH);
        assertThat(ApiAccess.area("//health//ready/")).isEqualTo(ApiAccess.Area.HEALTH);
        assertThat(ApiAccess.area("/health/live/x")).isEqualTo(ApiAccess.Area.API);
        assertThat(ApiAccess.area("/health/live;x")).isEqualTo(ApiAccess.Area.API);
        assertThat(ApiAccess.area("/HEALTH/LIVE")).isEqualTo(ApiAccess.Area.API);
        assertThat(ApiAccess.area("/metrics/")).isEqualTo(ApiAccess.Area.METRICS);
        assertThat(ApiAccess.area("/metrics/../api/v1/capacity")).isEqualTo(ApiAccess.Area.API);
        assertThat(ApiAccess.area("/internal/v1/stores/x/key")).isEqualTo(ApiAccess.Area.INTERNAL);
        assertThat(ApiAccess.area("/")).isEqualTo(ApiAccess.Area.API);
    }
}
