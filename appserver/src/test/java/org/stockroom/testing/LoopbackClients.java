package org.stockroom.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;

/**
 * HTTP clients of the test server that each come from an address of their own: all of
 * 127.0.0.0/8 is loopback on Linux, so a client bound to 127.4.5.6 is another client address to
 * the server (which listens on 127.0.0.1), and no packet leaves the machine.
 */
public final class LoopbackClients {

    /** Every request is answered within this, or the test fails: nothing may stall. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private static final SecureRandom RANDOM = new SecureRandom();

    private LoopbackClients() {
    }

    /** A random loopback address, never 127.0.0.1 (the other tests' address), e.g. {@code 127.83.2.201}. */
    public static String randomAddress() {
        return "127." + (1 + RANDOM.nextInt(254)) + "." + RANDOM.nextInt(256) + "." + (1 + RANDOM.nextInt(254));
    }

    /** A client whose requests come from that loopback address. */
    public static HttpClient from(String loopbackAddress) {
        try {
            InetAddress local = InetAddress.getByName(loopbackAddress);
            if (!local.isLoopbackAddress()) {
                throw new IllegalArgumentException("not a loopback address: " + loopbackAddress);
            }
            return HttpClient.newBuilder().localAddress(local).connectTimeout(Duration.ofSeconds(5)).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code POST /api/v1/auth/token} with that user name and password (no quotes or backslashes in them). */
    public static HttpResponse<String> logIn(HttpClient client, String username, String password) {
        return send(client, HttpRequest.newBuilder(StockroomTestServer.baseUri().resolve("/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")));
    }

    /** Sends the request with {@link #REQUEST_TIMEOUT}; a timeout or a refused connection fails the test. */
    public static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("a request went unanswered", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
