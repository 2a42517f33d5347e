package org.stockroom.bench;

import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Reading wrk's output needs no wrk: the summary line common.lua's done() prints, as wrk 4.1.0 wrote it. */
class WrkLoadTest {

    private static final String OUTPUT = """
            Running 3s test @ http://127.0.0.1:40123/api/v1/
              2 threads and 8 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency     1.20ms  512.33us  14.02ms   91.12%
                Req/Sec     3.31k   210.45     3.70k    70.00%
              Latency Distribution
                 50%    1.10ms
                 99%    3.25ms
              19876 requests in 3.00s, 9.87MB read
            Requests/sec:   6625.33
            Transfer/sec:      3.29MB
            stockroom-wrk requests=19876 status_errors=6 socket_errors=2 timeouts=1 duration_us=3000500 p50_us=1104 p99_us=3251
            """;

    @Test
    void completedRequestsAreTheAnswersWithTheExpectedStatus() throws IOException {
        Stats stats = WrkLoad.parse(OUTPUT);

        assertThat(stats.requests()).isEqualTo(19_870);
        assertThat(stats.perSecond()).isCloseTo(19_870 / 3.0005, within(0.01));
    }

    @Test
    void errorsAreOtherStatusesSocketErrorsAndTimeouts() throws IOException {
        assertThat(WrkLoad.parse(OUTPUT).errors()).isEqualTo(9);
    }

    @Test
    void latenciesAreWrksPercentilesInMilliseconds() throws IOException {
        Stats stats = WrkLoad.parse(OUTPUT);

        assertThat(stats.p50Millis()).isEqualTo(1.104);
        assertThat(stats.p99Millis()).isEqualTo(3.251);
    }

    @Test
    void aRunWithNothingButErrorsHasNoRateAndNoLatency() throws IOException {
        Stats stats = WrkLoad.parse("stockroom-wrk requests=40 status_errors=40 socket_errors=0 timeouts=0"
                + " duration_us=1000000 p50_us=900 p99_us=2000\n");

        assertThat(stats.requests()).isZero();
        assertThat(stats.errors()).isEqualTo(40);
        assertThat(stats.perSecond()).isZero();
        assertThat(stats.p50Millis()).isNaN();
    }

    @Test
    void outputWithoutTheSummaryLineIsAnError() {
        assertThatThrownBy(() -> WrkLoad.parse("unable to connect to 127.0.0.1:40123 Connection refused\n"))
                .isInstanceOf(IOException.class).hasMessageContaining("no summary line");
    }

    @Test
    void twoThreadsOnlyWhenTheConnectionsSplitEvenly() {
        assertThat(WrkLoad.threadsFor(1)).isEqualTo(1);
        assertThat(WrkLoad.threadsFor(2)).isEqualTo(2);
        assertThat(WrkLoad.threadsFor(3)).isEqualTo(1);
        assertThat(WrkLoad.threadsFor(128)).isEqualTo(2);
    }

    @Test
    void theLoadGeneratorIsChosenWithAnOption() {
        assertThat(Options.parse(new String[0], java.nio.file.Path.of(".")).load()).isEqualTo(Options.Load.AUTO);
        assertThat(Options.parse(new String[]{"--load=wrk"}, java.nio.file.Path.of(".")).load()).isEqualTo(Options.Load.WRK);
        assertThat(Options.parse(new String[]{"--smoke", "--load=java"}, java.nio.file.Path.of(".")).load()).isEqualTo(Options.Load.JAVA);
        assertThatThrownBy(() -> Options.parse(new String[]{"--load=ab"}, java.nio.file.Path.of(".")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
