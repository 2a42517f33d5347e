package org.stockroom.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV one record at a time, holding only the record it is reading: fields
 * separated by commas, records by CRLF, LF or CR; a field in double quotes may hold commas,
 * line breaks and quotes written twice. A byte order mark before the first record is skipped.
 *
 * <p>Written here rather than taken from a library for two things an import needs: the line on
 * which each record starts (a quoted field may span lines), for the bad-row report; and a bound
 * on what one record may hold, so that a hostile file (a field that never ends) cannot fill the
 * server's memory: a longer field is cut there and reported, and reading goes on.
 */
public final class CsvReader {

    /** The longest field kept, in characters: longer than any column of any import (a description: 2,000). */
    public static final int MAX_FIELD_LENGTH = 10_000;
    /** The most fields a record may have; the rest are dropped and reported. */
    public static final int MAX_FIELDS = 64;

    /**
     * One record.
     *
     * @param line     the line it starts on, from 1
     * @param fields   its fields, each cut at {@link #MAX_FIELD_LENGTH}
     * @param problem  what is wrong with its syntax (a field too long, too many fields, a stray quote), or null
     */
    public record Record(long line, List<String> fields, String problem) {

        /** A record of one empty field: a blank line, which imports skip. */
        public boolean isBlank() {
            return fields.size() == 1 && fields.getFirst().isEmpty() && problem == null;
        }
    }

    /** The file cannot be read on from here: a quoted field is never closed. */
    public static final class MalformedCsvException extends Exception {

        private final long line;

        MalformedCsvException(long line, String message) {
            super(message, null, false, false);
            this.line = line;
        }

        public long line() {
            return line;
        }
    }

    private static final int END = -1;

    private final Reader in;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private long line = 1;
    private boolean started;
    private boolean finished;

    public CsvReader(Reader in) {
        this.in = in;
    }

    /** The next record, or null at the end of the input. */
    public Record next() throws IOException, MalformedCsvException {
        if (!started) {
            started = true;
            if (peek() == '\uFEFF') {
                read();
            }
        }
        if (finished || peek() == END) {
            finished = true;
            return null;
        }
        long start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        String problem = null;
        boolean cut = false;
        while (true) {
            int c = read();
            if (c == '"' && field.isEmpty() && !cut) {
                // A quoted field: up to the closing quote, with "" as a quote.
                while (true) {
                    int q = read();
                    if (q == END) {
                        throw new MalformedCsvException(start, "a quoted field that starts on line " + start
                                + " is never closed");
                    }
                    if (q == '"') {
                        if (peek() == '"') {
                            read();
                            cut |= !append(field, '"');
                        } else {
                            break;
                        }
                    } else {
                        line += q == '\n' && previousWasCarriageReturn ? 0 : (q == '\n' || q == '\r' ? 1 : 0);
                        previousWasCarriageReturn = q == '\r';
                        cut |= !append(field, (char) q);
                        continue;
                    }
                    previousWasCarriageReturn = false;
                }
                int after = peek();
                if (after != ',' && after != '\n' && after != '\r' && after != END) {
                    problem = problem != null ? problem : "text after the closing quote of a quoted field";
                }
                continue;
            }
            if (c == ',' || c == '\n' || c == '\r' || c == END) {
                if (cut) {
                    problem = problem != null ? problem : "field " + (fields.size() + 1) + " is longer than "
                            + MAX_FIELD_LENGTH + " characters";
                }
                if (fields.size() < MAX_FIELDS) {
                    fields.add(field.toString());
                } else {
                    problem = problem != null ? problem : "more than " + MAX_FIELDS + " fields";
                }
                field.setLength(0);
                cut = false;
                if (c == ',') {
                    continue;
                }
                if (c == '\r' && peek() == '\n') {
                    read();
                }
                if (c != END) {
                    line++;
                }
                previousWasCarriageReturn = false;
                return new Record(start, List.copyOf(fields), problem);
            }
            if (c == '"') {
                problem = problem != null ? problem : "a quote inside a field that does not start with one";
            }
            cut |= !append(field, (char) c);
        }
    }

    private boolean previousWasCarriageReturn;

    /** The number of the line the reader is on (after the last record read). */
    public long line() {
        return line;
    }

    private static boolean append(StringBuilder field, char c) {
        if (field.length() >= MAX_FIELD_LENGTH) {
            return false;
        }
        field.append(c);
        return true;
    }

    private int peek() throws IOException {
        if (position == limit && !fill()) {
            return END;
        }
        return buffer[position];
    }

    private int read() throws IOException {
        if (position == limit && !fill()) {
            return END;
        }
        return buffer[position++];
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }
}
