package org.stockroom.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** The harness's progress lines on the console, as every scenario prints them. */
final class Progress {

    /** "12:05:00", not LocalTime.toString's "12:05" when the seconds are 0. */
    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Progress() {
    }

    /** Prints "[12:05:00] line" at once. */
    static void say(PrintStream out, String line) {
        out.println("[" + CLOCK_TIME.format(LocalTime.now()) + "] " + line);
        out.flush();
    }

    /** Lets the server finish the last step's requests before anything else loads the database. */
    static void awaitIdle(AppServer server, PrintStream out) throws IOException, InterruptedException {
        if (!server.awaitIdle(Duration.ofSeconds(15))) {
            say(out, "  (the server was still busy 15 s after the step; going on)");
        }
    }
}
