package org.stockroom.csv;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetFormulasTest {

    @Test
    void fieldsThatStartLikeAFormulaAreWrittenAsText() throws Exception {
        StringWriter file = new StringWriter();
        new CsvWriter(file).write("=HYPERLINK(\"http://x\",\"Click\")", "+1", "-2", "@SUM(A1)", "\tTab", "Plain", "12.5", "a=b");

        assertThat(file.toString()).isEqualTo(
                "\"'=HYPERLINK(\"\"http://x\"\",\"\"Click\"\")\",'+1,'-2,'@SUM(A1),'\tTab,Plain,12.5,a=b\r\n");
    }

    @Test
    void numbersAreWrittenAsNumbers_aNegativeOneToo() throws Exception {
        StringWriter file = new StringWriter();
        new CsvWriter(file).write(new BigDecimal("-2"), new BigDecimal("-12.500"), new BigDecimal("40"), "-2");

        assertThat(file.toString()).isEqualTo("-2,-12.500,40,'-2\r\n");
    }

    @Test
    void anApostropheBeforeAFormulaIsKeptApart_soThatEveryValueComesBackExactly() throws Exception {
        List<String> values = List.of("=1+1", "'=1+1", "''-3", "'", "'quoted'", "it's", "", "-", "@");
        StringWriter file = new StringWriter();
        new CsvWriter(file).write(values);

        CsvReader.Record record = new CsvReader(new StringReader(file.toString())).next();

        assertThat(record.fields()).containsExactly("'=1+1", "''=1+1", "'''-3", "'", "'quoted'", "it's", "", "'-", "'@");
        assertThat(record.fields().stream().map(SpreadsheetFormulas::unguarded)).containsExactlyElementsOf(values);
    }

    @Test
    void aHandWrittenApostropheBeforeAFormulaIsReadTheWayASpreadsheetShowsIt() {
        assertThat(SpreadsheetFormulas.unguarded("'=A1")).isEqualTo("=A1");
        assertThat(SpreadsheetFormulas.unguarded("'Hinge")).isEqualTo("'Hinge");
        assertThat(SpreadsheetFormulas.unguarded(null)).isNull();
    }
}
