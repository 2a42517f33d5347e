package org.stockroom.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The CSV upload and download against a real (JDK) HTTP server: what is sent, progress, cancel, refusals. */
class ImportsExportsTest {

    private static final String SUMMARY = """
            {"kind":"products","batch":7,"sha256":"ab","bytes":300000,"rowsRead":10000,"created":9000,"updated":600,
             "unchanged":400,"alreadyImported":false,"importedBy":"manager","importedAt":"2026-12-01T10:00:00Z"}""";

    private static final String INVALID_ROWS = """
            {"type":"https://stockroom.dev/problems/invalid-rows","title":"Invalid rows","status":422,
             "detail":"2 errors in the file; nothing was imported","errorCount":2,
             "errors":[{"line":3,"column":"sku","reason":"must start with a letter or digit"},
                       {"line":9,"reason":"has 2 fields but the header has 3"}]}""";

    @TempDir
    Path directory;

    private HttpServer server;
    private StockroomClient client;
    private final AtomicLong received = new AtomicLong();
    private final AtomicReference<String> contentType = new AtomicReference<>();
    private final AtomicReference<String> contentLength = new AtomicReference<>();
    private volatile int status = 200;
    private volatile String answer = SUMMARY;
    private volatile CountDownLatch holdAfterFirstChunk;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::serve);
        server.start();
        client = StockroomClient.builder().server("http://127.0.0.1:" + server.getAddress().getPort())
                .bearerToken("token").build();
    }

    @AfterEach
    void stopServer() {
        client.close();
        server.stop(0);
    }

    private void serve(HttpExchange exchange) throws IOException {
        contentType.set(exchange.getRequestHeaders().getFirst("Content-Type"));
        contentLength.set(exchange.getRequestHeaders().getFirst("Content-Length"));
        try (InputStream body = exchange.getRequestBody()) {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = body.read(buffer)) != -1) {
                received.addAndGet(n);
                if (holdAfterFirstChunk != null) {
                    holdAfterFirstChunk.await(10, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException | IOException e) {
            return;  // the client went away
        }
        String path = exchange.getRequestURI().getPath();
        byte[] reply = (path.startsWith("/api/v1/exports/") && status == 200
                ? "sku,name\r\nBOLT-1,Bolt\r\n" : answer).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status == 200
                ? (path.startsWith("/api/v1/exports/") ? "text/csv" : "application/json") : "application/problem+json");
        exchange.sendResponseHeaders(status, reply.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply);
        }
    }

    private Path file(int rows) throws IOException {
        StringBuilder csv = new StringBuilder("sku,name\r\n");
        for (int i = 0; i < rows; i++) {
            csv.append("SKU-").append(i).append(",Product ").append(i).append("\r\n");
        }
        return Files.writeString(directory.resolve("products.csv"), csv);
    }

    @Test
    void aFileIsSentAsItIsWithItsLengthAndTheProgressReachesTheTotal() throws Exception {
        Path file = file(10_000);
        List<Long> progress = new CopyOnWriteArrayList<>();

        ImportSummary summary = client.imports().run(Imports.Kind.PRODUCTS, file, (sent, total) -> {
            assertThat(total).isEqualTo(fileSize(file));
            progress.add(sent);
        });

        assertThat(summary.created()).isEqualTo(9000);
        assertThat(summary.rowsRead()).isEqualTo(10_000);
        assertThat(received.get()).isEqualTo(Files.size(file));
        assertThat(contentType.get()).isEqualTo("text/csv; charset=UTF-8");
        assertThat(contentLength.get()).isEqualTo(Long.toString(Files.size(file)));
        assertThat(progress).isSorted().last().isEqualTo(Files.size(file));
        assertThat(progress.size()).isGreaterThan(1);
    }

    @Test
    void badRowsComeBackWithTheirLinesColumnsAndReasons() throws Exception {
        status = 422;
        answer = INVALID_ROWS;

        assertThatThrownBy(() -> client.imports().run(Imports.Kind.PRODUCTS, file(3), Imports.Progress.NONE))
                .isInstanceOfSatisfying(ProblemException.class, refusal -> {
                    assertThat(Imports.rowErrors(refusal)).containsExactly(
                            new RowError(3, "sku", "must start with a letter or digit"),
                            new RowError(9, null, "has 2 fields but the header has 3"));
                    assertThat(Imports.errorCount(refusal)).isEqualTo(2);
                });
    }

    @Test
    void aCancelStopsTheUploadPartWay() throws Exception {
        Path file = file(200_000);  // about 4 MB
        holdAfterFirstChunk = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);

        Imports.Upload upload = client.imports().start(Imports.Kind.PRODUCTS, file, null, (sent, total) -> started.countDown());
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        upload.cancel();
        holdAfterFirstChunk.countDown();

        assertThatThrownBy(upload::await).isInstanceOf(CancellationException.class);
        assertThat(upload.isCancelled()).isTrue();
        assertThat(received.get()).isLessThan(Files.size(file));
    }

    @Test
    void anExportIsWrittenToItsFile_andARefusalLeavesNoFile() throws Exception {
        Path target = directory.resolve("out.csv");
        client.exports().download(Exports.Kind.PRODUCTS, Exports.Filter.ALL, target);
        assertThat(Files.readString(target)).isEqualTo("sku,name\r\nBOLT-1,Bolt\r\n");

        status = 403;
        answer = "{\"type\":\"https://stockroom.dev/problems/forbidden\",\"title\":\"Forbidden\",\"status\":403}";
        Path refused = directory.resolve("refused.csv");
        assertThatThrownBy(() -> client.exports().download(Exports.Kind.MOVEMENTS, Exports.Filter.ALL, refused))
                .isInstanceOf(NotPermittedException.class);
        assertThat(refused).doesNotExist();
        try (var files = Files.list(directory)) {
            assertThat(files.map(Path::getFileName).map(Path::toString)).noneMatch(name -> name.endsWith(".part"));
        }
    }

    private static long fileSize(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
