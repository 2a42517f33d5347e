package org.stockroom.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * What the test server, which runs in the test JVM, logs while it is open: every record that
 * reaches the root logger, formatted with its parameters and stack trace, as the console shows it.
 */
public final class ServerLog implements AutoCloseable {

    private final Logger root = Logger.getLogger("");
    private final List<String> lines = new ArrayList<>();
    private final Handler handler = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            synchronized (lines) {
                lines.add(formatter.format(record));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private ServerLog() {
        root.addHandler(handler);
    }

    /** Starts capturing; close to stop. */
    public static ServerLog capture() {
        StockroomTestServer.baseUri();  // start the server first: its start-up log is not what a test looks at
        return new ServerLog();
    }

    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    @Override
    public void close() {
        root.removeHandler(handler);
    }
}
