package com.cmobile.ecosystem.testkit.broker;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * A SCRAM-SHA-512 user the secure broker knows from the moment its storage is formatted (the
 * KRaft way: {@code kafka-storage format --add-scram}). Its principal is {@code User:<name>}.
 * {@link #toString()} never shows the password.
 *
 * @param name     letters, digits, {@code . _ -} only: the storage formatter splits on {@code , = [ ]}
 * @param password the same characters, at least 8 of them
 */
public record ScramUser(String name, String password) {

    private static final String SAFE = "[A-Za-z0-9._-]+";
    private static final SecureRandom RANDOM = new SecureRandom();

    public ScramUser {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(password, "password");
        if (!name.matches(SAFE)) {
            throw new IllegalArgumentException("SCRAM user name must be letters, digits, '.', '_' or '-', was '" + name + "'");
        }
        if (!password.matches(SAFE) || password.length() < 8) {
            throw new IllegalArgumentException("the password of SCRAM user " + name
                    + " must be at least 8 letters, digits, '.', '_' or '-'");
        }
    }

    /** A user with a fresh random password (128 bits). */
    public static ScramUser withRandomPassword(String name) {
        var bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return new ScramUser(name, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** {@code User:<name>}, as ACLs name it. */
    public String principal() {
        return "User:" + name;
    }

    /** The value of {@code sasl.jaas.config} a Java client logs in with. */
    public String jaasConfig() {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + name
                + "\" password=\"" + password + "\";";
    }

    /** The storage formatter's {@code --add-scram} argument. */
    String formatterArgument() {
        return BrokerSecurity.SCRAM_MECHANISM + "=[name=" + name + ",password=" + password + "]";
    }

    @Override
    public String toString() {
        return "ScramUser[" + name + ", password hidden]";
    }
}
