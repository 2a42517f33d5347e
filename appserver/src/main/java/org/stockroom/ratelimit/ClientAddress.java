package org.stockroom.ratelimit;

import io.helidon.common.context.Contexts;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * The address of the client that sent the current request. Jakarta REST has no API for it, so
 * this is the one Helidon-specific piece of the rate limiting: Helidon's JAX-RS integration
 * puts its {@link ServerRequest} into the request's context, and the peer is the other end of
 * the TCP connection.
 *
 * <p>{@code X-Forwarded-For} counts only when that peer is one of the trusted proxies
 * ({@code STOCKROOM_TRUSTED_PROXIES}, e.g. the load balancer): any client could write the
 * header itself, so from anyone else it is ignored. Failed log-ins are counted per this address
 * too ({@code auth.LoginThrottle}).
 */
@ApplicationScoped
public class ClientAddress {

    private final TrustedProxies trustedProxies;

    @Inject
    public ClientAddress(@ConfigProperty(name = "stockroom.http.trusted-proxies") Optional<String> trustedProxies) {
        this(TrustedProxies.parse(trustedProxies.orElse("")));
    }

    ClientAddress(TrustedProxies trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    /** E.g. {@code 127.0.0.1} or {@code 2001:db8::1}; empty outside a Helidon request. */
    public Optional<String> ofCurrentRequest() {
        return Contexts.context()
                .flatMap(context -> context.get(ServerRequest.class))
                .map(this::clientOf);
    }

    private String clientOf(ServerRequest request) {
        String peer = hostOf(request.remotePeer().address());
        if (trustedProxies.isEmpty()) {
            return peer;
        }
        List<String> forwardedFor = request.headers().all(HeaderNames.X_FORWARDED_FOR, List::of);
        return trustedProxies.clientAddress(peer, forwardedFor);
    }

    private static String hostOf(SocketAddress address) {
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress();
        }
        return address.toString();
    }
}
