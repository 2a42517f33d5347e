package org.stockroom.cli.csv;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stockroom.cli.Main;
import org.stockroom.cli.StockroomCommand;
import org.stockroom.security.Role;
import org.stockroom.testing.StockroomTestServer;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code stockroom import} and {@code stockroom export} against the real server. */
class ImportExportCliIT {

    private static String server;

    @TempDir
    Path directory;

    record Run(int exitCode, String out, String err) {
    }

    @BeforeAll
    static void startServer() {
        server = StockroomTestServer.baseUri().toString();
    }

    private static Run stockroom(String... args) {
        List<String> withServer = new ArrayList<>(List.of("--server", server));
        withServer.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Main.run(withServer.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err),
                Map.of(StockroomCommand.TOKEN_VARIABLE, StockroomTestServer.tokenOf(Role.ADMIN)), ZoneOffset.UTC);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    @Test
    void importShowsItsProgressAndWhatItDid_andAgainThatNothingChanged() throws Exception {
        StringBuilder csv = new StringBuilder("code,name\n");
        String prefix = unique("CLI");
        for (int i = 0; i < 2000; i++) {
            csv.append(prefix).append('-').append(i).append(",Bin ").append(i).append('\n');
        }
        Path file = Files.writeString(directory.resolve("locations.csv"), csv);

        Run first = stockroom("import", "locations", file.toString(), "--progress", "lines");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("Imported 2000 locations rows from locations.csv: 2000 created, 0 updated,"
                + " 0 unchanged");
        assertThat(first.err().lines()).first().asString().matches("sent [0-9]+% \\([0-9]+ of [0-9]+ bytes\\)");
        assertThat(first.err().lines()).last().asString().startsWith("sent 100% (" + Files.size(file) + " of ");

        Run bar = stockroom("import", "locations", file.toString(), "--progress", "bar");
        assertThat(bar.exitCode()).isZero();
        assertThat(bar.out()).contains("This file was imported before");
        assertThat(bar.err()).contains("\r[").contains("##############################] 100%");
    }

    @Test
    void badRowsAreOneErrorLineAndTheReport() throws Exception {
        Path file = Files.writeString(directory.resolve("bad.csv"), "sku,name\nbad sku,Bad\n" + unique("CLI") + ",\n");

        Run run = stockroom("import", "products", file.toString(), "--progress", "none");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines().toList()).containsExactly(
                "error: 2 errors in the file; nothing was imported",
                "  line 2, sku: must start with a letter or digit and contain only letters, digits, '.', '_' and '-'",
                "  line 3, name: must not be blank");
        assertThat(stockroom("import", "widgets", file.toString()).exitCode()).isEqualTo(2);
        assertThat(stockroom("import", "products", directory.resolve("missing.csv").toString()).err())
                .startsWith("error: no such file");
        Run folder = stockroom("import", "products", directory.toString());
        assertThat(folder.exitCode()).isEqualTo(1);
        assertThat(folder.err().lines().toList()).containsExactly("error: " + directory + " is a folder; name a CSV file");
    }

    @Test
    void exportWritesCsvToStandardOutputOrAFile() throws Exception {
        String code = unique("CLIX");
        Path file = Files.writeString(directory.resolve("one.csv"), "code,name\n" + code + ",\"Shelf, top\"\n");
        assertThat(stockroom("import", "locations", file.toString(), "--progress", "none").exitCode()).isZero();

        Run out = stockroom("export", "locations");
        assertThat(out.exitCode()).isZero();
        assertThat(out.out()).startsWith("code,name\r\n").contains(code + ",\"Shelf, top\"\r\n");

        Path target = directory.resolve("exported.csv");
        Run toFile = stockroom("export", "locations", "--output", target.toString());
        assertThat(toFile.exitCode()).isZero();
        assertThat(Files.readString(target)).isEqualTo(out.out());

        Run movements = stockroom("export", "movements", "--since", "2999-01-01");
        assertThat(movements.out()).isEqualTo("id,occurredAt,type,sku,quantity,from,to,reason,reference,lots,recordedBy\r\n");
    }
}
