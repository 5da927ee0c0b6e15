package com.cmobile.ecosystem.registry.server;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * {@code java -jar registry.jar hash-password <name> <read|write>}: prints a line for the registry
 * users file ({@link RegistryUsers}). The password is read from the console without echo (asked
 * twice), or, when no console is attached, from the first line of standard input; never from the
 * command line, where it would end up in the shell history and the process list. Needs nothing
 * but the JDK, so the jar runs on its own.
 */
public final class RegistryUsersTool {

    static final String USAGE = "usage: hash-password <name> <read|write> [--iterations N]\n"
            + "  reads the password from the console (or the first line of stdin) and prints\n"
            + "  <name>:<role>:<hash>, a line for the registry users file";

    private RegistryUsersTool() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.console(), System.in, System.out, System.err));
    }

    static int run(String[] args, Console console, InputStream stdin, PrintStream out, PrintStream err) {
        if (args.length != 3 && args.length != 5 || !args[0].equals("hash-password")) {
            err.println(USAGE);
            return 2;
        }
        Optional<RegistryUsers.Role> role = RegistryUsers.Role.parse(args[2]);
        if (role.isEmpty()) {
            err.println("the role must be read or write, not '" + args[2] + "'\n" + USAGE);
            return 2;
        }
        int iterations = PasswordHash.DEFAULT_ITERATIONS;
        if (args.length == 5) {
            try {
                if (!args[3].equals("--iterations")) {
                    throw new NumberFormatException();
                }
                iterations = Integer.parseInt(args[4]);
            } catch (NumberFormatException e) {
                err.println(USAGE);
                return 2;
            }
        }
        char[] password = null;
        try {
            password = console != null ? fromConsole(console) : fromStdin(stdin);
            if (password.length == 0) {
                err.println("the password is empty");
                return 1;
            }
            out.println(RegistryUsers.line(args[1], role.get(), password, iterations));
            return 0;
        } catch (IllegalArgumentException | IOException e) {
            err.println(e.getMessage());
            return 1;
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    private static char[] fromConsole(Console console) {
        char[] first = console.readPassword("Password: ");
        char[] again = console.readPassword("Again: ");
        if (first == null || again == null || !Arrays.equals(first, again)) {
            throw new IllegalArgumentException("the passwords differ");
        }
        Arrays.fill(again, '\0');
        return first;
    }

    private static char[] fromStdin(InputStream stdin) throws IOException {
        String line = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
        return line == null ? new char[0] : line.toCharArray();
    }
}
