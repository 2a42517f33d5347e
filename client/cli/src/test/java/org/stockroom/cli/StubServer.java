package org.stockroom.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real (JDK) HTTP server for the CLI's unit tests: answers each "METHOD /path" as told
 * (404 problem otherwise) and records what it was sent, Authorization header included.
 */
public final class StubServer implements AutoCloseable {

    public record Request(String method, String path, String authorization, String body) {
    }

    public record Reply(int status, String body, Map<String, String> headers) {

        public static Reply json(int status, String body) {
            return new Reply(status, body, Map.of("Content-Type", "application/json"));
        }

        public static Reply noContent() {
            return new Reply(204, null, Map.of());
        }

        public static Reply problem(int status, String detail, String wwwAuthenticate) {
            String body = "{\"type\":\"https://stockroom.dev/problems/x\",\"title\":\"Refused\",\"status\":" + status
                    + ",\"detail\":\"" + detail + "\"}";
            return wwwAuthenticate == null
                    ? new Reply(status, body, Map.of("Content-Type", "application/problem+json"))
                    : new Reply(status, body, Map.of("Content-Type", "application/problem+json",
                            "WWW-Authenticate", wwwAuthenticate));
        }
    }

    private final HttpServer server;
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public StubServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code "POST /api/v1/auth/token"} (method, space, path) with {@code reply} from now on. */
    public StubServer on(String methodAndPath, Reply reply) {
        replies.put(methodAndPath, reply);
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getRawPath();
        requests.add(new Request(exchange.getRequestMethod(), path,
                exchange.getRequestHeaders().getFirst("Authorization"), body));
        Reply reply = replies.getOrDefault(exchange.getRequestMethod() + " " + path,
                Reply.problem(404, "no stub for " + exchange.getRequestMethod() + " " + path, null));
        reply.headers().forEach(exchange.getResponseHeaders()::set);
        byte[] bytes = reply.body() == null ? new byte[0] : reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
