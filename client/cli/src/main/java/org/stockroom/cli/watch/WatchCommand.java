package org.stockroom.cli.watch;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import org.stockroom.cli.ExitCode;
import org.stockroom.cli.Output;
import org.stockroom.cli.StockroomCommand;
import org.stockroom.client.EventListener;
import org.stockroom.client.StockroomClientException;
import org.stockroom.client.Subscription;
import org.stockroom.client.model.EventQuery;
import org.stockroom.client.model.Movement;
import org.stockroom.client.model.StockLevel;
import org.stockroom.client.model.StockroomEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code stockroom watch}: movements and the stock levels they change, one line each, as they
 * happen, until Ctrl-C. The stream is resumed by itself after a break (what happened meanwhile
 * follows); what goes on with the connection is said on standard error.
 */
@Command(name = "watch", description = {
        "Print movements and the stock levels they change as they happen, one line each, until Ctrl-C.",
        "A broken connection is resumed by itself; nothing recorded meanwhile is missed."})
public final class WatchCommand implements Callable<Integer> {

    /** One JSON object a line for --json, unlike the indented JSON of the other commands. */
    private static final Jsonb JSON_LINES = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

    @ParentCommand
    StockroomCommand stockroom;

    @Option(names = "--sku", paramLabel = "SKU", description = "Only this product's movements and levels.")
    String sku;

    @Option(names = "--location", paramLabel = "CODE",
            description = "Only movements into or out of this location, and its levels.")
    String location;

    @Override
    public Integer call() throws InterruptedException {
        Output output = stockroom.output();
        PrintWriter err = stockroom.err();
        Subscription subscription = stockroom.client().events().subscribe(new EventQuery(sku, location),
                new EventListener() {
                    @Override
                    public void onEvent(StockroomEvent event) {
                        if (output.json()) {
                            output.line(jsonLine(event));
                        } else {
                            line(event, output).ifPresent(output::line);
                        }
                    }

                    @Override
                    public void onConnected() {
                        err.println("Watching " + stockroom.server() + (sku == null ? "" : " for " + sku)
                                + (location == null ? "" : " at " + location) + "; Ctrl-C to stop.");
                        err.flush();
                    }

                    @Override
                    public void onDisconnected(StockroomClientException cause, Duration retryIn) {
                        err.println("Connection lost (" + cause.getMessage() + "); reconnecting in "
                                + seconds(retryIn) + ".");
                        err.flush();
                    }
                });
        try {
            subscription.await();  // until the server refuses for good: ErrorReporter says why
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            subscription.close();
        }
        return ExitCode.OK;
    }

    /** The line a person sees for an event; none for {@code ready}, which only says the stream is live. */
    static Optional<String> line(StockroomEvent event, Output output) {
        return switch (event) {
            case StockroomEvent.Moved moved -> Optional.of(movement(moved.movement(), output));
            case StockroomEvent.Level level -> Optional.of(level(level.level()));
            case StockroomEvent.Reset reset -> Optional.of("reset     the server could not send all that"
                    + " happened while not watching (" + reset.reason() + "); list what you need again");
            case StockroomEvent.Ready ready -> Optional.empty();
        };
    }

    private static String movement(Movement movement, Output output) {
        StringBuilder line = new StringBuilder(String.format("movement  %s  %-8s %6s %s", output.time(movement.occurredAt()),
                movement.type(), movement.quantity().toPlainString(), movement.sku()));
        if (movement.from() != null) {
            line.append(" from ").append(movement.from());
        }
        if (movement.to() != null) {
            line.append(" to ").append(movement.to());
        }
        line.append("  (movement ").append(movement.id());
        if (movement.recordedBy() != null) {
            line.append(", by ").append(movement.recordedBy());
        }
        if (movement.reference() != null) {
            line.append(", ref ").append(movement.reference());
        }
        if (movement.reason() != null) {
            line.append(", reason: ").append(movement.reason());
        }
        return line.append(')').toString();
    }

    private static String level(StockLevel level) {
        // A reservation changes no on-hand figure, only what is available: the line says so, or it would look repeated.
        String reserved = level.reserved().signum() == 0 ? ""
                : ", " + level.reserved().toPlainString() + " reserved, " + level.available().toPlainString() + " available";
        return "level     " + level.sku() + " at " + level.location() + ": " + level.onHand().toPlainString() + " on hand"
                + reserved
                + (level.onHand().compareTo(level.reorderPoint()) < 0
                        ? " (below its reorder point " + level.reorderPoint().toPlainString() + ")" : "");
    }

    /** {@code {"event":"movement","id":"6","data":{...}}}: the event's name, its id and the server's JSON. */
    static String jsonLine(StockroomEvent event) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("event", switch (event) {
            case StockroomEvent.Moved moved -> "movement";
            case StockroomEvent.Level level -> "level";
            case StockroomEvent.Ready ready -> "ready";
            case StockroomEvent.Reset reset -> "reset";
        });
        line.put("id", event.id());
        line.put("data", switch (event) {
            case StockroomEvent.Moved moved -> moved.movement();
            case StockroomEvent.Level level -> level.level();
            case StockroomEvent.Ready ready -> Map.of("lastMovementId", ready.lastMovementId());
            case StockroomEvent.Reset reset -> {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("reason", reset.reason());
                data.put("detail", reset.detail());
                data.put("lastMovementId", reset.lastMovementId());
                yield data;
            }
        });
        return JSON_LINES.toJson(line);
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format("%.1f s", millis / 1000.0);
    }
}
