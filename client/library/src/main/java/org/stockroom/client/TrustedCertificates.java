package org.stockroom.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * TLS for one client that trusts the JDK's usual certificate authorities and, besides them,
 * the CA certificates in a file, e.g. a company CA or the self-made one of a test install.
 * Nothing changes for the rest of the JVM.
 */
final class TrustedCertificates {

    private TrustedCertificates() {
    }

    /**
     * An SSL context trusting the JDK's defaults plus every X.509 certificate in the file (PEM,
     * one or more, or DER). Throws IllegalArgumentException, with a message fit to show a person,
     * when the file cannot be read or holds no certificate.
     */
    static SSLContext withCertificatesFrom(Path file) {
        Collection<? extends Certificate> extra;
        try (InputStream in = Files.newInputStream(file)) {
            extra = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("the CA certificate file " + file + " does not exist");
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read a CA certificate from " + file + ": " + e.getMessage());
        }
        if (extra.isEmpty()) {
            throw new IllegalArgumentException("no certificate in " + file + " (expected PEM or DER X.509)");
        }
        try {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int n = 0;
            for (X509Certificate authority : jdkDefaults().getAcceptedIssuers()) {
                trusted.setCertificateEntry("jdk-" + n++, authority);
            }
            for (Certificate certificate : extra) {
                trusted.setCertificateEntry("extra-" + n++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, trust.getTrustManagers(), null);
            return tls;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS with the certificates from " + file, e);
        }
    }

    private static X509TrustManager jdkDefaults() throws GeneralSecurityException {
        TrustManagerFactory defaults = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        defaults.init((KeyStore) null);
        for (var manager : defaults.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("the JDK has no X.509 trust manager");
    }
}
