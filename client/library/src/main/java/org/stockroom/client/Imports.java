package org.stockroom.client;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * CSV imports: {@code POST /imports/products|locations|opening-stock}. From {@link StockroomClient#imports()}.
 * The file is streamed from disk as it is sent (never read into memory), with its progress reported
 * and a cancel that stops the upload; the server imports it all or nothing once it has it all.
 */
public final class Imports {

    /** How long an import may take, the upload and the server's work together: a million rows take minutes. */
    public static final Duration TIMEOUT = Duration.ofMinutes(30);

    /** What a file imports. */
    public enum Kind {
        PRODUCTS("products"), LOCATIONS("locations"), OPENING_STOCK("opening-stock");

        private final String path;

        Kind(String path) {
            this.path = path;
        }

        /** As the API and the command line name it. */
        public String apiName() {
            return path;
        }

        public static Kind of(String name) {
            for (Kind kind : values()) {
                if (kind.path.equals(name)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("no such import: " + name + " (products, locations or opening-stock)");
        }
    }

    /** Told, from the thread that sends, how much of the file has gone. */
    @FunctionalInterface
    public interface Progress {
        void sent(long bytes, long total);

        Progress NONE = (bytes, total) -> { };
    }

    /** An import under way: wait for its answer, or cancel it. */
    public static final class Upload {

        private final CompletableFuture<HttpResponse<String>> pending;
        private final AtomicBoolean cancelled;
        private final Transport transport;

        private Upload(CompletableFuture<HttpResponse<String>> pending, AtomicBoolean cancelled, Transport transport) {
            this.pending = pending;
            this.cancelled = cancelled;
            this.transport = transport;
        }

        /**
         * Stops the upload: no more of the file is sent and the request is abandoned. A file the server
         * had already received in full may still be imported (then importing it again says so).
         */
        public void cancel() {
            cancelled.set(true);
            pending.cancel(true);
        }

        public boolean isCancelled() {
            return cancelled.get();
        }

        /**
         * The import's summary once the server has answered.
         *
         * @throws CancellationException   if it was cancelled
         * @throws ProblemException        the server's refusal; for bad rows see {@link #rowErrors}
         * @throws StockroomClientException no connection, or no answer within {@link #TIMEOUT}
         */
        public ImportSummary await() throws InterruptedException {
            HttpResponse<String> response;
            try {
                response = pending.get();
            } catch (CancellationException e) {
                throw e;
            } catch (ExecutionException e) {
                if (cancelled.get()) {
                    throw new CancellationException("the import was cancelled");
                }
                if (e.getCause() instanceof IOException failure) {
                    throw transport.failure(failure, TIMEOUT);
                }
                throw new StockroomClientException("the import failed: " + e.getCause(), e.getCause());
            }
            if (response.statusCode() >= 400) {
                throw transport.problemOf(response.statusCode(), response.headers(), response.body());
            }
            return transport.readJson(response.body(), ImportSummary.class);
        }
    }

    private final Transport transport;

    Imports(Transport transport) {
        this.transport = transport;
    }

    /** Imports a file and waits for the answer. */
    public ImportSummary run(Kind kind, Path file, Progress progress) throws InterruptedException {
        return start(kind, file, null, progress).await();
    }

    /**
     * Starts sending a file, with {@code Content-Length} and, when not null, an {@code Idempotency-Key}.
     * {@code progress} hears from the sending thread after each piece of the file.
     */
    public Upload start(Kind kind, Path file, String idempotencyKey, Progress progress) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new StockroomClientException("cannot read " + file + ": " + e.getMessage(), e);
        }
        AtomicBoolean cancelled = new AtomicBoolean();
        HttpRequest.Builder request = transport.request("/imports/" + kind.apiName(), TIMEOUT)
                .header("Content-Type", "text/csv; charset=UTF-8")
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                        () -> counted(file, size, progress, cancelled)), size));
        if (idempotencyKey != null) {
            request.header(IdempotencyKeys.HEADER, IdempotencyKeys.requireValid(idempotencyKey));
        }
        CompletableFuture<HttpResponse<String>> pending = transport.http()
                .sendAsync(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Upload(pending, cancelled, transport);
    }

    /** The bad rows of an invalid-rows refusal (the first 100; {@code errorCount} in its extensions says how many). */
    public static List<RowError> rowErrors(ProblemException refusal) {
        List<RowError> rows = new ArrayList<>();
        if (refusal.problem().extension("rowErrors").orElse(null) instanceof List<?> errors) {
            for (Object error : errors) {
                if (error instanceof Map<?, ?> row && row.get("line") instanceof Number line) {
                    rows.add(new RowError(line.longValue(), row.get("column") == null ? null : row.get("column").toString(),
                            String.valueOf(row.get("reason"))));
                }
            }
        }
        return rows;
    }

    /** How many bad rows an invalid-rows refusal counted in all. */
    public static long errorCount(ProblemException refusal) {
        return refusal.problem().extension("errorCount").map(count -> ((Number) count).longValue())
                .orElse((long) rowErrors(refusal).size());
    }

    private static InputStream counted(Path file, long size, Progress progress, AtomicBoolean cancelled) {
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new FilterInputStream(in) {
            private long sent;

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (cancelled.get()) {
                    throw new InterruptedIOException("the import was cancelled");
                }
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    sent += n;
                    progress.sent(sent, size);
                }
                return n;
            }
        };
    }
}
