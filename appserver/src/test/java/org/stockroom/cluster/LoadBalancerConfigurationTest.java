package org.stockroom.cluster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The configuration {@code bin/stockroom-cluster} gives HAProxy: loadbalancer/haproxy.cfg with the
 * servers in both backends, the event streams' one without a cap on connections per server.
 */
class LoadBalancerConfigurationTest {

    @Test
    void givenTwoServers_whenConfigured_thenBothBackendsListThemAndNoMarkerIsLeft() throws Exception {
        String config = LoadBalancerProcess.configuration(List.of(8081, 8082));

        assertThat(config.split("\n")).noneMatch(line -> line.strip().startsWith(LoadBalancerProcess.SERVERS_MARKER));
        assertThat(config.split("\n")).filteredOn(line -> line.strip().equals("server app1 127.0.0.1:8081")).hasSize(2);
        assertThat(config.split("\n")).filteredOn(line -> line.strip().equals("server app2 127.0.0.1:8082")).hasSize(2);
        assertThat(config).contains("use_backend appserver-events if { path /api/v1/events }");
        String events = config.substring(config.indexOf("backend appserver-events"), config.indexOf("backend appservers"));
        assertThat(events).as("the streams' backend caps nothing per server").doesNotContain("maxconn");
    }

    @Test
    void givenTheConfiguration_whenHaproxyChecksIt_thenItIsValid(@TempDir Path directory) throws Exception {
        Optional<Path> haproxy = LoadBalancerProcess.findExecutable();
        assumeTrue(haproxy.isPresent(), "HAProxy is not installed here (the cluster tests install it)");
        Path file = directory.resolve("haproxy.cfg");
        Files.writeString(file, LoadBalancerProcess.configuration(List.of(8081, 8082)));

        ProcessBuilder check = new ProcessBuilder(haproxy.get().toString(), "-c", "-f", file.toString())
                .redirectErrorStream(true);
        check.environment().put("STOCKROOM_LB_BIND", "127.0.0.1:8080");
        check.environment().put("STOCKROOM_LB_STATS_BIND", "127.0.0.1:8404");
        check.environment().put("STOCKROOM_LB_SERVER_MAXCONN", "10");
        Process process = check.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }
}
