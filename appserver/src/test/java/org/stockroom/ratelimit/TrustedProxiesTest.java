package org.stockroom.ratelimit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrustedProxiesTest {

    private final TrustedProxies loadBalancer = TrustedProxies.parse("127.0.0.1, 10.0.0.0/8, fd00::/8");

    @Test
    void givenAnUntrustedPeer_whenItForwardsAnAddress_thenThePeerIsTheClient() {
        assertThat(loadBalancer.clientAddress("192.0.2.7", List.of("203.0.113.9"))).isEqualTo("192.0.2.7");
    }

    @Test
    void givenNoTrustedProxies_whenAnyPeerForwards_thenThePeerIsTheClient() {
        assertThat(TrustedProxies.NONE.clientAddress("127.0.0.1", List.of("203.0.113.9"))).isEqualTo("127.0.0.1");
    }

    @Test
    void givenTheLoadBalancerAsPeer_whenItAppendedTheClient_thenThatAddressIsTheClient() {
        assertThat(loadBalancer.clientAddress("127.0.0.1", List.of("203.0.113.9"))).isEqualTo("203.0.113.9");
    }

    @Test
    void givenAClientThatWroteItsOwnHeader_whenTheBalancerAppends_thenTheWrittenPartIsIgnored() {
        // The client sent "X-Forwarded-For: 198.51.100.1"; HAProxy adds a header of its own.
        assertThat(loadBalancer.clientAddress("127.0.0.1", List.of("198.51.100.1", "203.0.113.9")))
                .isEqualTo("203.0.113.9");
        assertThat(loadBalancer.clientAddress("127.0.0.1", List.of("198.51.100.1, 203.0.113.9")))
                .isEqualTo("203.0.113.9");
    }

    @Test
    void givenAChainOfTrustedProxies_whenWalkedFromTheRight_thenTheFirstUntrustedHopIsTheClient() {
        assertThat(loadBalancer.clientAddress("127.0.0.1", List.of("198.51.100.1, 203.0.113.9, 10.1.2.3")))
                .isEqualTo("203.0.113.9");
    }

    @Test
    void givenGarbageInTheHeader_whenWalked_thenTheLastTrustedHopIsTheClient() {
        assertThat(loadBalancer.clientAddress("127.0.0.1", List.of("not-an-address"))).isEqualTo("127.0.0.1");
        assertThat(loadBalancer.clientAddress("127.0.0.1", List.of())).isEqualTo("127.0.0.1");
    }

    @Test
    void givenIpv6Blocks_whenMatched_thenThePrefixDecides() {
        assertThat(loadBalancer.trusts("fd12::1")).isTrue();
        assertThat(loadBalancer.trusts("fe80::1")).isFalse();
        assertThat(loadBalancer.trusts("10.255.255.255")).isTrue();
        assertThat(loadBalancer.trusts("11.0.0.0")).isFalse();
    }

    @Test
    void givenAPrefixThatIsNotAWholeByte_whenMatched_thenOnlyItsBitsCount() {
        TrustedProxies docker = TrustedProxies.parse("172.16.0.0/12");

        assertThat(docker.trusts("172.31.255.1")).isTrue();
        assertThat(docker.trusts("172.32.0.1")).isFalse();
        assertThat(docker.trusts("172.15.0.1")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"haproxy", "10.0.0.0/33", "10.0.0.0/x", "fd00::/129", "1.2.3"})
    void givenAnEntryThatIsNoAddressOrBlock_whenParsed_thenItIsNamed(String entry) {
        assertThatThrownBy(() -> TrustedProxies.parse("127.0.0.1," + entry))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(entry);
    }

    @Test
    void givenABlankList_whenParsed_thenNothingIsTrusted() {
        assertThat(TrustedProxies.parse(" ").isEmpty()).isTrue();
        assertThat(TrustedProxies.parse(null)).isSameAs(TrustedProxies.NONE);
    }
}
