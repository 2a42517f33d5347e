package org.stockroom.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The harness, run small (100 products, 1 and 2 clients, 1 s steps) so that it never rots: it
 * must start the real app server, seed, load every operation without an error, run pgbench if
 * this machine has it, and write the table. A check that it works, not a timed test: no figure
 * is asserted beyond "more than nothing".
 */
class BenchmarkSmokeIT {

    @TempDir
    Path temp;

    @Test
    void theHarnessMeasuresEveryOperationAndWritesTheTable() throws Exception {
        Path serverJar = Path.of(System.getProperty("stockroom.bench.server-jar", "../appserver/target/stockroom-appserver.jar"));
        Path output = temp.resolve("benchmarks.md");
        Options options = Options.parse(new String[]{"--smoke", "--restarts=1"}, Path.of(".."))
                .paths(serverJar, temp.resolve("run"), output);
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        RunResult result = new Benchmark(options, new PrintStream(progress, true, StandardCharsets.UTF_8)).run();

        assertThat(result.steps()).hasSize(Operation.values().length * 2);
        for (RunResult.Step step : result.steps()) {
            assertThat(step.server()).as("%s at %d clients", step.operation(), step.clients()).hasSize(1);
            Stats http = step.server().getFirst();
            assertThat(http.requests()).as("HTTP requests for %s at %d clients", step.operation(), step.clients()).isPositive();
            assertThat(http.errors()).as("HTTP errors for %s at %d clients", step.operation(), step.clients()).isZero();
            assertThat(http.p99Millis()).isGreaterThanOrEqualTo(http.p50Millis()).isPositive();
            if (result.pgbenchVersion() != null) {
                Stats pgbench = step.pgbench().getFirst();
                assertThat(pgbench.requests()).as("pgbench transactions for %s", step.operation()).isPositive();
                assertThat(pgbench.errors()).as("pgbench failures for %s", step.operation()).isZero();
            } else {
                assertThat(step.pgbench()).isEmpty();
            }
        }
        assertThat(result.firstStart().authenticated()).isPositive();
        // The restart is measured with the token of the first start: tokens live in the database.
        assertThat(result.coldStarts()).hasSize(1);
        AppServer.Start restart = result.coldStarts().getFirst();
        assertThat(restart.ready()).isPositive().isLessThanOrEqualTo(restart.authenticated());
        assertThat(result.idleRss()).isPositive();

        String markdown = Files.readString(output);
        assertThat(markdown).contains(Report.MARKER, "smoke run", "token issued before the restart", "/health/ready", "#### 100 products", "#### Targets");
        for (Operation operation : Operation.values()) {
            assertThat(markdown).contains("| " + operation.title() + " | 1 |", "| " + operation.title() + " | 2 |");
        }
        assertThat(temp.resolve("run/results.csv")).exists();
        assertThat(temp.resolve("run/results.json")).exists();
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("Seeded 100 products");
    }
}
