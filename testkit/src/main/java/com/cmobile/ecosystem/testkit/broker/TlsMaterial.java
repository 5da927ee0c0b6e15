package com.cmobile.ecosystem.testkit.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A CA and a broker certificate signed by it, generated at run time with the JDK's
 * {@code keytool} (no library, nothing in git), or found again in the same directory:
 *
 * <ul>
 *   <li>{@code ca.pem}: the CA certificate, what clients trust ({@code ssl.truststore.type=PEM} for
 *       Java clients, {@code ssl.ca.location} for librdkafka-based ones);</li>
 *   <li>{@code ca.p12}: the CA and its private key;</li>
 *   <li>{@code broker.p12}: the broker's key and certificate chain, for {@code localhost} and
 *       {@code 127.0.0.1}, usable as server and as client certificate;</li>
 *   <li>{@code store.password}: the password of both PKCS12 files (owner-readable only).</li>
 * </ul>
 */
public final class TlsMaterial {

    static final String BROKER_DISTINGUISHED_NAME = "CN=embedded-kafka-broker";

    private static final String CA_PEM = "ca.pem";
    private static final String CA_STORE = "ca.p12";
    private static final String BROKER_STORE = "broker.p12";
    private static final String PASSWORD_FILE = "store.password";
    private static final String VALIDITY_DAYS = "3650";

    private final Path directory;
    private final String storePassword;

    private TlsMaterial(Path directory, String storePassword) {
        this.directory = directory;
        this.storePassword = storePassword;
    }

    /** The material in {@code directory}, generated there first if it is not complete. */
    public static TlsMaterial createOrLoad(Path directory) {
        try {
            Files.createDirectories(directory);
            Path passwordFile = directory.resolve(PASSWORD_FILE);
            if (Files.exists(directory.resolve(BROKER_STORE)) && Files.exists(directory.resolve(CA_PEM))
                    && Files.exists(passwordFile)) {
                return new TlsMaterial(directory, Files.readString(passwordFile, StandardCharsets.UTF_8).strip());
            }
            for (String name : List.of(CA_PEM, CA_STORE, BROKER_STORE, PASSWORD_FILE, "broker.csr", "broker.pem")) {
                Files.deleteIfExists(directory.resolve(name));
            }
            var material = new TlsMaterial(directory, randomPassword());
            material.generate();
            writeOwnerOnly(passwordFile, material.storePassword);
            return material;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create TLS material in " + directory, e);
        }
    }

    public Path directory() {
        return directory;
    }

    /** The CA certificate (PEM): what clients trust. */
    public Path caCertificate() {
        return directory.resolve(CA_PEM);
    }

    /** The broker's PKCS12 keystore. */
    public Path brokerKeystore() {
        return directory.resolve(BROKER_STORE);
    }

    /** The password of the PKCS12 files. */
    public String storePassword() {
        return storePassword;
    }

    /**
     * Issues a client certificate ({@code CN=<commonName>}, principal {@code User:CN=<commonName>})
     * signed by the CA, into a new PKCS12 keystore {@code <commonName>.p12} with the store password:
     * for clients that authenticate with {@code security.protocol=SSL}.
     */
    public Path issueClientKeystore(String commonName) {
        if (!commonName.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("common name must be letters, digits, '.', '_' or '-': " + commonName);
        }
        Path keystore = directory.resolve(commonName + ".p12");
        try {
            Files.deleteIfExists(keystore);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        signedKeystore(commonName, "CN=" + commonName, keystore, List.of("-ext", "EKU=clientAuth"));
        return keystore;
    }

    private void generate() {
        Path caStore = directory.resolve(CA_STORE);
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=embedded-kafka-test-ca", "-ext", "bc:c", "-ext", "KU:c=keyCertSign,cRLSign",
                "-validity", VALIDITY_DAYS, "-keystore", caStore.toString(), "-storetype", "PKCS12",
                "-storepass", storePassword);
        keytool("-exportcert", "-alias", "ca", "-rfc", "-keystore", caStore.toString(), "-storepass", storePassword,
                "-file", caCertificate().toString());
        signedKeystore("broker", BROKER_DISTINGUISHED_NAME, brokerKeystore(), List.of(
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-ext", "EKU=serverAuth,clientAuth"));
    }

    /** A new key pair in {@code keystore}, its certificate signed by the CA, the chain imported back. */
    private void signedKeystore(String alias, String distinguishedName, Path keystore, List<String> extensions) {
        Path request = directory.resolve(alias + ".csr");
        Path certificate = directory.resolve(alias + ".pem");
        try {
            keytool("-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", distinguishedName, "-validity", VALIDITY_DAYS, "-keystore", keystore.toString(),
                    "-storetype", "PKCS12", "-storepass", storePassword);
            keytool("-certreq", "-alias", alias, "-keystore", keystore.toString(), "-storepass", storePassword,
                    "-file", request.toString());
            var gencert = new ArrayList<>(List.of("-gencert", "-alias", "ca", "-keystore",
                    directory.resolve(CA_STORE).toString(), "-storepass", storePassword, "-infile", request.toString(),
                    "-outfile", certificate.toString(), "-rfc", "-validity", VALIDITY_DAYS,
                    "-ext", "KU:c=digitalSignature"));
            gencert.addAll(extensions);
            keytool(gencert.toArray(String[]::new));
            keytool("-importcert", "-alias", "ca", "-file", caCertificate().toString(), "-keystore",
                    keystore.toString(), "-storepass", storePassword, "-noprompt");
            keytool("-importcert", "-alias", alias, "-file", certificate.toString(), "-keystore", keystore.toString(),
                    "-storepass", storePassword, "-noprompt");
        } finally {
            try {
                Files.deleteIfExists(request);
                Files.deleteIfExists(certificate);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Runs the JDK's keytool; its output is shown only on failure, with the password masked. */
    private void keytool(String... arguments) {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("keytool " + arguments[0] + " did not finish within 60 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + arguments[0] + " failed (exit " + process.exitValue()
                        + "): " + output.replace(storePassword, "***").strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run keytool from " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted running keytool", e);
        }
    }

    private static String randomPassword() {
        var bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Replaces {@code file} with {@code content}, readable and writable by its owner only (where the
     * file system has POSIX permissions): for the passwords, keys and tokens a secure run writes.
     */
    public static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
