package org.stockroom.csv;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrictUtf8ReaderTest {

    @Test
    void givenCharactersOfOneToFourBytesSplitAcrossReads_whenRead_thenTheyComeBackWhole() throws IOException {
        String text = "sku,name\nCAFE-1,Café ☕ 😀\n".repeat(2_000);

        assertThat(readAll(new StrictUtf8Reader(oneByteAtATime(text.getBytes(StandardCharsets.UTF_8)))))
                .isEqualTo(text);
    }

    @Test
    void givenABadByteDeepInTheFile_whenRead_thenEveryCharacterBeforeItIsReadFirst() throws IOException {
        String good = "sku,name\n" + "BOLT-1,Bolt\n".repeat(5_000);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(good.getBytes(StandardCharsets.UTF_8));
        file.writeBytes("LATIN-1,Caf".getBytes(StandardCharsets.UTF_8));
        file.write(0xE9); // é in Latin-1: no UTF-8
        file.writeBytes("\n".getBytes(StandardCharsets.UTF_8));

        StringBuilder read = new StringBuilder();
        assertThatThrownBy(() -> readInto(new StrictUtf8Reader(new ByteArrayInputStream(file.toByteArray())), read))
                .isInstanceOf(MalformedInputException.class);

        assertThat(read.toString()).isEqualTo(good + "LATIN-1,Caf");
    }

    @Test
    void givenTheEnd_whenReadAgain_thenItIsStillTheEnd() throws IOException {
        try (Reader empty = new StrictUtf8Reader(new ByteArrayInputStream(new byte[0]));
             Reader one = new StrictUtf8Reader(new ByteArrayInputStream(new byte[]{'x'}))) {
            char[] buffer = new char[10];
            assertThat(empty.read(buffer)).isEqualTo(-1);
            assertThat(empty.read(buffer)).isEqualTo(-1);
            assertThat(one.read(buffer)).isEqualTo(1);
            assertThat(one.read(buffer)).isEqualTo(-1);
            assertThat(one.read(buffer)).isEqualTo(-1);
        }
    }

    @Test
    void givenASequenceCutOffByTheEndOfTheFile_whenRead_thenItIsRefused() {
        byte[] cut = {'o', 'k', (byte) 0xE2, (byte) 0x98};

        assertThatThrownBy(() -> readAll(new StrictUtf8Reader(new ByteArrayInputStream(cut))))
                .isInstanceOf(MalformedInputException.class);
    }

    private static String readAll(Reader reader) throws IOException {
        StringBuilder text = new StringBuilder();
        readInto(reader, text);
        return text.toString();
    }

    /** Reads to the end, keeping in {@code text} what was read before any failure. */
    private static void readInto(Reader reader, StringBuilder text) throws IOException {
        char[] buffer = new char[1000];
        try (reader) {
            for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
                text.append(buffer, 0, n);
            }
        }
    }

    private static InputStream oneByteAtATime(byte[] bytes) {
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] into, int offset, int length) throws IOException {
                return super.read(into, offset, Math.min(length, 1));
            }
        };
    }
}
