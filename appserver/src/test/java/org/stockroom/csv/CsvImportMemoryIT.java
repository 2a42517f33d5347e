package org.stockroom.csv;

import org.junit.jupiter.api.Test;
import org.stockroom.security.Role;
import org.stockroom.testing.StockroomTestServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stockroom.testing.Api.unique;

/**
 * A 100,000-row products file larger than the whole heap of the JVM that runs the server (failsafe
 * execution "memory-tests": -Xmx160m, and the server runs in the test's JVM): it can be imported only
 * if neither the server nor this client ever holds it. The client generates the rows as they are sent.
 */
class CsvImportMemoryIT {

    static final int ROWS = 100_000;
    /** Each row's description: 100,000 of them make about 200 MB, more than the heap. */
    static final int DESCRIPTION_LENGTH = 1_990;

    @Test
    void aFileLargerThanTheHeapIsImportedRowByRow() throws Exception {
        long heap = Runtime.getRuntime().maxMemory();
        String prefix = unique("MEM");
        long bytes = (long) ROWS * (prefix.length() + DESCRIPTION_LENGTH + 24);
        assertThat(bytes).as("the file must be larger than the heap").isGreaterThan(heap);

        HttpRequest request = HttpRequest.newBuilder(StockroomTestServer.baseUri().resolve("/api/v1/imports/products"))
                .header("Authorization", "Bearer " + StockroomTestServer.tokenOf(Role.ADMIN))
                .header("Content-Type", "text/csv; charset=UTF-8")
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new GeneratedFile(prefix)))
                .build();
        HttpResponse<String> answer;
        try (HttpClient http = HttpClient.newHttpClient()) {
            answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        }

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("\"rowsRead\":" + ROWS).contains("\"created\":" + ROWS);
        try (Connection connection = StockroomTestServer.database().connect();
             ResultSet count = connection.createStatement().executeQuery(
                     "select count(*), min(length(description)) from product where sku like '" + prefix + "-%'")) {
            count.next();
            assertThat(count.getLong(1)).isEqualTo(ROWS);
            assertThat(count.getInt(2)).isEqualTo(DESCRIPTION_LENGTH);
        }
    }

    /** The file, made a row at a time as it is read. */
    private static final class GeneratedFile extends InputStream {

        private final String prefix;
        private final String description = "d".repeat(DESCRIPTION_LENGTH);
        private byte[] row = "sku,name,description\r\n".getBytes(StandardCharsets.UTF_8);
        private int position;
        private int rowsMade;

        GeneratedFile(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position == row.length) {
                if (rowsMade == ROWS) {
                    return -1;
                }
                rowsMade++;
                row = (prefix + "-" + rowsMade + ",Row " + rowsMade + "," + description + "\r\n")
                        .getBytes(StandardCharsets.UTF_8);
                position = 0;
            }
            int n = Math.min(length, row.length - position);
            System.arraycopy(row, position, buffer, offset, n);
            position += n;
            return n;
        }
    }
}
