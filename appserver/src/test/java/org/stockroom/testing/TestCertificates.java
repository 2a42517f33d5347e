package org.stockroom.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throw-away certificate authority and a server certificate it signed, for 127.0.0.1 and
 * localhost, made with the JDK's own {@code keytool} (the steps docs/security.md shows).
 *
 * @param serverKeystore the PKCS12 file with the server's key and chain, for {@code STOCKROOM_TLS_KEYSTORE}
 * @param password       its password, for {@code STOCKROOM_TLS_KEYSTORE_PASSWORD}
 * @param caCertificate  the CA's certificate in PEM, what a client is told to trust
 */
public record TestCertificates(Path serverKeystore, String password, Path caCertificate) {

    public static TestCertificates createIn(Path directory) throws IOException, InterruptedException {
        String password = "test-keystore-password-3Xr8";
        Path ca = directory.resolve("ca.p12");
        Path caPem = directory.resolve("ca.pem");
        Path server = directory.resolve("server.p12");
        Path request = directory.resolve("server.csr");
        Path signed = directory.resolve("server.pem");
        String validity = "2";  // days
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-dname", "CN=Stockroom Test CA",
                "-ext", "bc:c", "-validity", validity, "-keystore", ca, "-storepass", password);
        keytool("-genkeypair", "-alias", "stockroom", "-keyalg", "EC", "-dname", "CN=localhost",
                "-validity", validity, "-keystore", server, "-storepass", password);
        keytool("-certreq", "-alias", "stockroom", "-keystore", server, "-storepass", password, "-file", request);
        keytool("-gencert", "-rfc", "-alias", "ca", "-keystore", ca, "-storepass", password, "-infile", request,
                "-outfile", signed, "-validity", validity, "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-ext", "eku=serverAuth");
        // The reply with the whole chain, server then CA, replaces the key's self-signed certificate.
        X509Certificate caCertificate = certificateOf(ca, "ca", password);
        Files.writeString(caPem, pem(caCertificate));
        Files.writeString(signed, Files.readString(signed) + pem(caCertificate));
        keytool("-importcert", "-noprompt", "-alias", "stockroom", "-keystore", server, "-storepass", password,
                "-file", signed);
        return new TestCertificates(server, password, caPem);
    }

    /** TLS for a test's own {@code java.net.http} client that trusts this CA (and nothing else). */
    public SSLContext trustingTheCa() throws IOException, GeneralSecurityException {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(caCertificate)) {
            trusted.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        return tls;
    }

    private static X509Certificate certificateOf(Path keystore, String alias, String password)
            throws IOException {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            return (X509Certificate) store.getCertificate(alias);
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private static String pem(X509Certificate certificate) throws IOException {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private static void keytool(Object... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.add("-J-XX:TieredStopAtLevel=1");  // a short-lived JVM: starts twice as fast without the full JIT
        command.add("-J-XX:+UseSerialGC");
        for (Object argument : arguments) {
            command.add(argument.toString());
        }
        command.add("-storetype");
        command.add("PKCS12");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool failed: " + String.join(" ", command) + System.lineSeparator() + output);
        }
    }
}
