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
 * The CSV import scenario run tiny (1,000 rows, 1 repetition) against the real packaged server, so
 * that it never rots: both imports must succeed and the table be written. No figure is asserted.
 */
class ImportBenchmarkSmokeIT {

    @TempDir
    Path temp;

    @Test
    void theImportScenarioImportsProductsAndOpeningStockAndWritesTheTable() throws Exception {
        Path serverJar = Path.of(System.getProperty("stockroom.bench.server-jar", "../appserver/target/stockroom-appserver.jar"));
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        ImportBenchmark benchmark = ImportBenchmark.parse(new String[]{"--import", "--import-rows=1000", "--repeats=1",
                        "--server-jar=" + serverJar, "--work-dir=" + temp.resolve("run")}, Path.of(".."),
                new PrintStream(progress, true, StandardCharsets.UTF_8));

        String table = benchmark.run();

        assertThat(table).contains("### CSV imports", "| products | 1,000 |", "| opening-stock | 1,000 |");
        assertThat(Files.readString(temp.resolve("run/imports.md"))).isEqualTo(table);
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("products, run 1", "opening-stock, run 1");
    }
}
