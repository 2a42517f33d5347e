package org.stockroom.csv;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvReaderTest {

    private static List<CsvReader.Record> read(String csv) throws Exception {
        CsvReader reader = new CsvReader(new StringReader(csv));
        List<CsvReader.Record> records = new ArrayList<>();
        for (CsvReader.Record record = reader.next(); record != null; record = reader.next()) {
            records.add(record);
        }
        return records;
    }

    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaks_andEachRecordKnowsTheLineItStartsOn() throws Exception {
        List<CsvReader.Record> records = read("\uFEFFsku,name\r\nA,\"Hinge, \"\"brass\"\"\"\r\nB,\"two\r\nlines\nand three\"\nC,plain\rD,\n");

        assertThat(records).extracting(CsvReader.Record::line).containsExactly(1L, 2L, 3L, 6L, 7L);
        assertThat(records.get(0).fields()).containsExactly("sku", "name");  // the byte order mark is gone
        assertThat(records.get(1).fields()).containsExactly("A", "Hinge, \"brass\"");
        assertThat(records.get(2).fields()).containsExactly("B", "two\r\nlines\nand three");
        assertThat(records.get(3).fields()).containsExactly("C", "plain");
        assertThat(records.get(4).fields()).containsExactly("D", "");
        assertThat(records).allMatch(record -> record.problem() == null);
    }

    @Test
    void aBlankLineIsABlankRecord_andTheLastLineMayEndWithoutABreak() throws Exception {
        List<CsvReader.Record> records = read("a,b\n\nc,d");

        assertThat(records.get(1).isBlank()).isTrue();
        assertThat(records.get(2).fields()).containsExactly("c", "d");
        assertThat(records.get(2).line()).isEqualTo(3);
    }

    @Test
    void strayQuotesAndOverlongFieldsAreReportedAndReadingGoesOn() throws Exception {
        List<CsvReader.Record> records = read("a\"b,c\n\"x\"y,z\n" + "w".repeat(CsvReader.MAX_FIELD_LENGTH + 5) + ",q\nok,1\n");

        assertThat(records.get(0).problem()).contains("quote inside a field");
        assertThat(records.get(1).problem()).contains("after the closing quote");
        assertThat(records.get(2).problem()).contains("longer than " + CsvReader.MAX_FIELD_LENGTH);
        assertThat(records.get(2).fields().getFirst()).hasSize(CsvReader.MAX_FIELD_LENGTH);
        assertThat(records.get(3).problem()).isNull();
        assertThat(records.get(3).line()).isEqualTo(4);
    }

    @Test
    void aQuotedFieldNeverClosedStopsTheReadingAtItsLine() {
        assertThatThrownBy(() -> read("a,b\nc,\"open\nstill open\n"))
                .isInstanceOfSatisfying(CsvReader.MalformedCsvException.class,
                        e -> assertThat(e.line()).isEqualTo(2));
    }

    @Test
    void whatTheWriterWritesTheReaderReadsBackExactly() throws Exception {
        List<String> fields = List.of("plain", "comma, inside", "quote \" inside", "line\r\nbreak", " padded ", "");
        StringWriter out = new StringWriter();
        new CsvWriter(out).write(fields);

        assertThat(out.toString()).endsWith("\r\n").startsWith("plain,\"comma, inside\",\"quote \"\" inside\"");
        assertThat(read(out.toString()).getFirst().fields()).isEqualTo(fields);
    }
}
