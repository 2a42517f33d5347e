package org.stockroom.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads UTF-8 and refuses anything else, but only once every character before the bad bytes has been
 * read. The JDK's {@code InputStreamReader} throws as soon as its buffer holds a bad byte, dropping the
 * good characters decoded with it, so a reader counting lines would name line 1 for a bad byte on line
 * 5,000.
 */
final class StrictUtf8Reader extends Reader {

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(16384).flip();
    private boolean endOfInput;
    private boolean flushed;
    private CoderResult badBytes;

    StrictUtf8Reader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] into, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (flushed) {
            return -1; // the end, however often a caller asks (BufferedReader asks again)
        }
        CharBuffer out = CharBuffer.wrap(into, offset, length);
        while (true) {
            if (badBytes != null) {
                if (out.position() > offset) {
                    return out.position() - offset;
                }
                badBytes.throwException();
            }
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            if (result.isError()) {
                badBytes = result;
            } else if (result.isOverflow()) {
                return out.position() - offset;
            } else if (endOfInput) {
                // Everything is decoded; what a decoder may still hold is written, once.
                flushed = true;
                decoder.flush(out);
                return out.position() > offset ? out.position() - offset : -1;
            } else if (out.position() > offset) {
                return out.position() - offset;
            } else {
                readMoreBytes();
            }
        }
    }

    private void readMoreBytes() throws IOException {
        bytes.compact();
        int read = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        if (read < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + read);
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
