package com.cmobile.ecosystem.app.http;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

/**
 * Makes a new API token: 32 random bytes from {@link SecureRandom}, base64url. Prints the token (give
 * it to the client, store it nowhere else) and the line to add to {@code API_TOKENS_FILE}, which holds
 * only its hash.
 *
 * <pre>java -cp 'streams-app.jar:lib/*' com.cmobile.ecosystem.app.http.NewApiToken grafana metrics</pre>
 */
public final class NewApiToken {

    private static final int TOKEN_BYTES = 32;

    private NewApiToken() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: NewApiToken <name> <scope>[,<scope>]   (scopes: read, metrics)");
            System.exit(2);
        }
        try {
            Set<Scope> scopes = EnumSet.noneOf(Scope.class);
            for (String label : args[1].split(",", -1)) {
                scopes.add(Scope.parse(label).orElseThrow(() ->
                        new IllegalArgumentException("unknown scope '" + label + "'; known: read, metrics")));
            }
            String token = newToken();
            System.out.println("token: " + token);
            System.out.println("line for API_TOKENS_FILE: " + ApiTokens.line(args[0], token, scopes));
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
    }

    /** A new random token of 256 bits, URL-safe, without padding. */
    public static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
