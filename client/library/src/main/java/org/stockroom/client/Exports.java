package org.stockroom.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * CSV exports: {@code GET /exports/products|locations|stock|movements}, streamed straight to a file
 * or a stream as they arrive. From {@link StockroomClient#exports()}.
 */
public final class Exports {

    /** What can be exported. */
    public enum Kind {
        PRODUCTS("products"), LOCATIONS("locations"), STOCK("stock"), MOVEMENTS("movements");

        private final String path;

        Kind(String path) {
            this.path = path;
        }

        public String apiName() {
            return path;
        }

        public static Kind of(String name) {
            for (Kind kind : values()) {
                if (kind.path.equals(name)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("no such export: " + name + " (products, locations, stock or movements)");
        }
    }

    /** Which rows: stock and movements by SKU and location, movements also since (inclusive) and until (exclusive). */
    public record Filter(String sku, String location, Instant since, Instant until) {

        public static final Filter ALL = new Filter(null, null, null, null);
    }

    private final Transport transport;

    Exports(Transport transport) {
        this.transport = transport;
    }

    /** Downloads into {@code target}, written whole or not at all (a partial download is not left behind). */
    public void download(Kind kind, Filter filter, Path target) throws InterruptedException {
        Path absolute = target.toAbsolutePath();
        Path partial;
        try {
            partial = Files.createTempFile(absolute.getParent(), ".stockroom-export-", ".part");
        } catch (IOException e) {
            throw new StockroomClientException("cannot write in " + absolute.getParent() + ": " + e.getMessage(), e);
        }
        try {
            try (OutputStream out = Files.newOutputStream(partial)) {
                write(kind, filter, out);
            }
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StockroomClientException("cannot write " + absolute + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                // nothing more to do
            }
        }
    }

    /** Writes the CSV to {@code out} as it arrives, as text (the server sends UTF-8). */
    public void write(Kind kind, Filter filter, java.io.Writer out) throws InterruptedException {
        write(kind, filter, new OutputStream() {
            private final java.nio.charset.CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
            private final java.nio.ByteBuffer pending = java.nio.ByteBuffer.allocate(8192);
            private final java.nio.CharBuffer text = java.nio.CharBuffer.allocate(8192);

            @Override
            public void write(int b) throws IOException {
                write(new byte[]{(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                while (length > 0) {
                    int n = Math.min(length, pending.remaining());
                    pending.put(bytes, offset, n);
                    offset += n;
                    length -= n;
                    pending.flip();
                    utf8.decode(pending, text, false);  // a character split between reads waits for its rest
                    pending.compact();
                    text.flip();
                    out.append(text);
                    text.clear();
                }
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }
        });
    }

    /** Writes the CSV to {@code out} as it arrives. */
    public void write(Kind kind, Filter filter, OutputStream out) throws InterruptedException {
        QueryString query = new QueryString();
        query.add("sku", filter.sku());
        query.add("location", filter.location());
        query.add("since", filter.since() == null ? null : filter.since().toString());
        query.add("until", filter.until() == null ? null : filter.until().toString());
        CompletableFuture<HttpResponse<InputStream>> pending = transport.http().sendAsync(
                transport.request("/exports/" + kind.apiName() + query, Imports.TIMEOUT)
                        .header("Accept", "text/csv, application/problem+json").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        HttpResponse<InputStream> response;
        try {
            response = pending.get();
        } catch (InterruptedException e) {
            Transport.closeWhenAnswered(pending);
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException failure) {
                throw transport.failure(failure, Imports.TIMEOUT);
            }
            throw new StockroomClientException("the export failed: " + e.getCause(), e.getCause());
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() >= 400) {
                throw transport.problemOf(response.statusCode(), response.headers(),
                        new String(body.readNBytes(65536), StandardCharsets.UTF_8));
            }
            body.transferTo(out);
            out.flush();
        } catch (IOException e) {
            throw transport.failure(e, Imports.TIMEOUT);
        }
    }
}
