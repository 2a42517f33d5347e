package org.stockroom.cli;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import org.stockroom.client.Page;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Where a command's results go: aligned tables and short sentences for people,
 * or, with {@code --json}, the server's JSON representation for scripts.
 */
public final class Output {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig().withFormatting(true).withNullValues(true));

    private final PrintWriter out;
    private final boolean json;
    private final ZoneId zone;

    public Output(PrintWriter out, boolean json, ZoneId zone) {
        this.out = out;
        this.json = json;
        this.zone = zone;
    }

    /** Whether the user asked for JSON rather than text. */
    public boolean json() {
        return json;
    }

    public void json(Object value) {
        out.println(JSON.toJson(value));
    }

    /** Reports what a command did: JSON of the result, or a sentence. */
    public void result(Object value, String sentence) {
        if (json) {
            json(value);
        } else {
            line(sentence);
        }
    }

    /** Shows one record: JSON as it came, or label/value lines (see {@link #details}). */
    public void record(Object value, Supplier<Map<String, ?>> fields) {
        if (json) {
            json(value);
        } else {
            details(fields.get());
        }
    }

    public void line(String text) {
        out.println(text);
    }

    public void table(Table table) {
        table.lines().forEach(out::println);
    }

    /** Label/value lines, the labels padded to one width; {@code null} values show as "-". */
    public void details(Map<String, ?> fields) {
        int width = fields.keySet().stream().mapToInt(String::length).max().orElse(0);
        fields.forEach((label, value) -> out.println(
                (label + " ".repeat(width - label.length()) + "  " + (value == null ? "-" : value)).stripTrailing()));
    }

    /**
     * Shows a listing: JSON as it came, or a table of the items ("No {noun}." when there are
     * none) and, when more pages follow, how to get them.
     */
    public <T> void page(Page<T> page, String noun, Function<List<T>, Table> table) {
        if (json) {
            json(page);
            return;
        }
        if (page.items().isEmpty()) {
            line("No " + noun + ".");
        } else {
            table(table.apply(page.items()));
        }
        if (page.hasNext()) {
            line("More " + noun + " follow: add --all to list them all, or --after " + page.next()
                    + " for the next page.");
        }
    }

    /** An instant as local date and time to the minute, e.g. {@code 2025-11-21 10:15}. */
    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(zone));
    }
}
