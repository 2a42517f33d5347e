package org.stockroom.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertificateException;
import java.time.Duration;
import javax.net.ssl.SSLException;

/**
 * Why a request got no answer, in words a user can act on: no connection in time, connection
 * refused, unknown host, an untrusted certificate or another TLS failure. The text goes into
 * {@link ServerUnreachableException}'s message, which the CLI and the desktop show as it is.
 */
final class FailureReasons {

    private FailureReasons() {
    }

    static String reasonFor(IOException failure, URI server, Duration connectTimeout, Duration timeout) {
        if (failure instanceof HttpConnectTimeoutException) {
            return "no connection within " + seconds(connectTimeout.compareTo(timeout) < 0 ? connectTimeout : timeout);
        }
        if (failure instanceof HttpTimeoutException) {
            return noAnswerWithin(timeout);
        }
        if (isUnknownHost(failure)) {
            return "unknown host " + server.getHost();
        }
        if (failure instanceof ConnectException) {
            return "connection refused";
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateException) {
                return "TLS: the server's certificate is not trusted (" + innermostMessage(cause)
                        + "); if your own CA signed it, give the client the CA certificate";
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException) {
                return "TLS failed: " + innermostMessage(cause);
            }
        }
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }

    static String noAnswerWithin(Duration timeout) {
        return "no answer within " + seconds(timeout);
    }

    /** Whether the failure, or any cause of it, is a host name that did not resolve. */
    static boolean isUnknownHost(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    /** Whether the failure, or any cause of it, is a TLS failure. */
    static boolean isTlsFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException) {
                return true;
            }
        }
        return false;
    }

    private static String innermostMessage(Throwable failure) {
        Throwable innermost = failure;
        while (innermost.getCause() != null) {
            innermost = innermost.getCause();
        }
        String message = innermost.getMessage();
        return message == null || message.isBlank() ? innermost.getClass().getSimpleName() : message.strip();
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
