package com.cmobile.ecosystem.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiTokensTest {

    private static final String READER = NewApiToken.newToken();
    private static final String SCRAPER = NewApiToken.newToken();

    private static ApiTokens tokens(String... lines) {
        return ApiTokens.parse(List.of(lines), "API_TOKENS_FILE tokens.txt");
    }

    @Test
    void aTokenIsFoundByItsHashWithItsScopes() {
        ApiTokens tokens = tokens(
                "# who may read",
                "",
                ApiTokens.line("dashboard", READER, Set.of(Scope.READ)),
                "  " + ApiTokens.line("prometheus", SCRAPER, EnumSet.of(Scope.METRICS, Scope.READ)) + "  ");

        assertThat(tokens.size()).isEqualTo(2);
        assertThat(tokens.holderOf(READER)).contains(new ApiTokens.Holder("dashboard", Set.of(Scope.READ)));
        assertThat(tokens.holderOf(SCRAPER).orElseThrow().scopes()).containsExactlyInAnyOrder(Scope.READ, Scope.METRICS);
    }

    @Test
    void anUnknownTokenOrTheHashItselfIsNoToken() {
        String line = ApiTokens.line("dashboard", READER, Set.of(Scope.READ));
        ApiTokens tokens = tokens(line);

        assertThat(tokens.holderOf(SCRAPER)).isEmpty();
        assertThat(tokens.holderOf(line.split(" ")[1])).isEmpty();
        assertThat(tokens.holderOf("")).isEmpty();
    }

    @Test
    void theFileHoldsOnlyTheHashNeverTheToken() {
        String line = ApiTokens.line("dashboard", READER, Set.of(Scope.READ));

        assertThat(line).doesNotContain(READER).matches("dashboard sha256:[0-9a-f]{64} read");
    }

    @Test
    void aLineWithTheWrongNumberOfFieldsIsRejectedWithItsNumber() {
        assertThatThrownBy(() -> tokens("# header", ApiTokens.line("a", READER, Set.of(Scope.READ)), READER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("API_TOKENS_FILE tokens.txt line 3: expected '<name> sha256:<64 hex digits> <scopes>', "
                        + "found 1 field(s)");
    }

    @Test
    void aRawTokenInPlaceOfTheHashIsRejectedWithoutRepeatingIt() {
        assertThatThrownBy(() -> tokens("dashboard " + READER + " read"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 1: the second field must be 'sha256:' and 64 hex digits")
                .message().doesNotContain(READER);
    }

    @Test
    void anUnknownScopeIsRejectedNamingTheKnownOnes() {
        String hash = ApiTokens.line("x", READER, Set.of(Scope.READ)).split(" ")[1];

        assertThatThrownBy(() -> tokens("dashboard " + hash + " read,write"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 1: unknown scope 'write'; known: read, metrics");
        assertThatThrownBy(() -> tokens("dashboard " + hash + " read,"))
                .hasMessageContaining("unknown scope ''");
    }

    @Test
    void aNameOrATokenListedTwiceIsRejected() {
        String first = ApiTokens.line("dashboard", READER, Set.of(Scope.READ));

        assertThatThrownBy(() -> tokens(first, ApiTokens.line("dashboard", SCRAPER, Set.of(Scope.READ))))
                .hasMessageContaining("line 2: the name 'dashboard' is used twice");
        assertThatThrownBy(() -> tokens(first, ApiTokens.line("other", READER, Set.of(Scope.METRICS))))
                .hasMessageContaining("line 2: the same token hash appears twice");
    }

    @Test
    void newTokensAreLongRandomAndUrlSafe() {
        assertThat(READER).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(SCRAPER);
    }
}
