package org.stockroom.ratelimit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The load balancers and proxies whose {@code X-Forwarded-For} header this server believes: a
 * list of addresses and CIDR blocks ({@code 127.0.0.1}, {@code 10.0.0.0/8}, {@code fd00::/8}).
 * Behind a load balancer every request comes from the balancer's address, so without this all
 * clients would share one per-address rate limit and one failed-log-in count.
 *
 * <p>Only literal addresses are accepted, never host names: a setting must not make the server
 * ask DNS on every request.
 */
public final class TrustedProxies {

    /** None: the peer of the TCP connection is the client, whatever headers it sends. */
    public static final TrustedProxies NONE = new TrustedProxies(List.of(), "");

    private static final Pattern LITERAL_ADDRESS = Pattern.compile("[0-9A-Fa-f:.]+");
    /** Four parts: Java would also read "1.2.3" or "10.1" as IPv4, a typo a setting must not hide. */
    private static final Pattern DOTTED_QUAD = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

    private record Block(byte[] network, int prefixLength) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int fullBytes = prefixLength / 8;
            for (int i = 0; i < fullBytes; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int remainingBits = prefixLength % 8;
            if (remainingBits == 0) {
                return true;
            }
            int mask = 0xFF << (8 - remainingBits) & 0xFF;
            return (address[fullBytes] & mask) == (network[fullBytes] & mask);
        }
    }

    private final List<Block> blocks;
    private final String text;

    private TrustedProxies(List<Block> blocks, String text) {
        this.blocks = blocks;
        this.text = text;
    }

    /**
     * Parses a comma-separated list; blank is {@link #NONE}.
     *
     * @throws IllegalArgumentException naming the entry that is not an address or a CIDR block
     */
    public static TrustedProxies parse(String list) {
        if (list == null || list.isBlank()) {
            return NONE;
        }
        List<Block> blocks = new ArrayList<>();
        for (String entry : list.split(",")) {
            String trimmed = entry.strip();
            if (!trimmed.isEmpty()) {
                blocks.add(block(trimmed));
            }
        }
        return blocks.isEmpty() ? NONE : new TrustedProxies(List.copyOf(blocks), list.strip());
    }

    private static Block block(String entry) {
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        byte[] network = literal(address)
                .orElseThrow(() -> new IllegalArgumentException("'" + entry + "' is not an IP address or a CIDR block"));
        int maxPrefix = network.length * 8;
        int prefix = maxPrefix;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(entry.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > maxPrefix) {
                throw new IllegalArgumentException("'" + entry + "' has a prefix length outside 0 to " + maxPrefix);
            }
        }
        return new Block(network, prefix);
    }

    /** The bytes of a literal IPv4 or IPv6 address; empty for anything else (never a DNS lookup). */
    private static Optional<byte[]> literal(String address) {
        String bare = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        boolean ipv6 = bare.contains(":");
        if (!LITERAL_ADDRESS.matcher(bare).matches() || (!ipv6 && !DOTTED_QUAD.matcher(bare).matches())) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(bare).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    /** Whether the address (as the peer or in a forwarded header) is one of the trusted proxies. */
    public boolean trusts(String address) {
        if (blocks.isEmpty()) {
            return false;
        }
        return literal(address).map(bytes -> blocks.stream().anyMatch(block -> block.contains(bytes))).orElse(false);
    }

    /**
     * The client behind a chain of proxies: the peer itself unless it is trusted; then, walking the
     * {@code X-Forwarded-For} entries from the right (each proxy appends the address it saw), the
     * first one that is not a trusted proxy. Entries left of that one were written by the client
     * and are ignored. An entry that is not an address ends the walk at the last trusted hop.
     */
    public String clientAddress(String peer, List<String> forwardedFor) {
        if (!trusts(peer)) {
            return peer;
        }
        List<String> hops = forwardedFor.stream()
                .flatMap(header -> Arrays.stream(header.split(",")))
                .map(String::strip)
                .filter(hop -> !hop.isEmpty())
                .toList();
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (literal(hop).isEmpty()) {
                return client;
            }
            client = normalised(hop);
            if (!trusts(hop)) {
                return client;
            }
        }
        return client;
    }

    private static String normalised(String address) {
        return literal(address).map(bytes -> {
            try {
                return InetAddress.getByAddress(bytes).getHostAddress();
            } catch (UnknownHostException e) {
                return address;
            }
        }).orElse(address);
    }

    @Override
    public String toString() {
        return blocks.isEmpty() ? "(none)" : text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TrustedProxies that && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
