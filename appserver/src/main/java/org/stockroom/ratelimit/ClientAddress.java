package org.stockroom.ratelimit;

import io.helidon.common.context.Contexts;
import io.helidon.webserver.http.ServerRequest;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Optional;

/**
 * The address of the peer that sent the current request. Jakarta REST has no API for it, so
 * this is the one Helidon-specific piece of the rate limiting: Helidon's JAX-RS integration
 * puts its {@link ServerRequest} into the request's context, and the peer is the other end of
 * the TCP connection. No {@code X-Forwarded-For}: any client could write that header itself.
 * Failed log-ins are counted per this address too ({@code auth.LoginThrottle}).
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    /** E.g. {@code 127.0.0.1} or {@code 2001:db8::1}; empty outside a Helidon request. */
    public static Optional<String> ofCurrentRequest() {
        return Contexts.context()
                .flatMap(context -> context.get(ServerRequest.class))
                .map(request -> hostOf(request.remotePeer().address()));
    }

    private static String hostOf(SocketAddress address) {
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress();
        }
        return address.toString();
    }
}
