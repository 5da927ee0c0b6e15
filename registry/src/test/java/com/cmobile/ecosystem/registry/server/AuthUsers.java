package com.cmobile.ecosystem.registry.server;

/** The users of the registry ITs with basic auth: throwaway test passwords, hashed at start by {@link IsolatedRegistry}. */
final class AuthUsers {

    static final String WRITER = "schema-admin";
    static final String WRITER_PASSWORD = "writer-test-password";
    static final String READER = "app-reader";
    static final String READER_PASSWORD = "reader-test-password";
    static final String WRITER_LINE = WRITER + ":write:" + WRITER_PASSWORD;
    static final String READER_LINE = READER + ":read:" + READER_PASSWORD;

    private AuthUsers() {
    }
}
