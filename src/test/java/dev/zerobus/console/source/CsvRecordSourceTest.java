package dev.zerobus.console.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRecordSourceTest {
    @TempDir Path dir;

    static List<SourceRow> readAll(Path file, SourceOptions options) throws IOException {
        List<SourceRow> rows = new ArrayList<>();
        try (RecordSource source = RecordSource.open(file, options)) {
            for (SourceRow row; (row = source.next()) != null; ) rows.add(row);
        }
        return rows;
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void readsQuotedCommasEmbeddedNewlinesAndUnicodeWithPhysicalLineNumbers() throws IOException {
        Path file = write("people.csv", """
                id,name,note,ts
                1,"Müller, Jürgen","line one
                line two",2024-05-01T12:30:00Z
                2,Zoë 🚀,"say \"\"hi\"\"",2024-05-01 12:30:00
                3,東京,plain,1714566600000000
                """);

        List<SourceRow> rows = readAll(file, SourceOptions.csv());

        assertThat(rows).allSatisfy(r -> assertThat(r).isInstanceOf(SourceRow.Cells.class));
        assertThat(rows).extracting(SourceRow::lineNumber).containsExactly(2L, 4L, 5L);
        assertThat(rows).extracting(SourceRow::recordIndex).containsExactly(0L, 1L, 2L);
        assertThat(((SourceRow.Cells) rows.get(0)).values()).containsExactly("1", "Müller, Jürgen", "line one\nline two", "2024-05-01T12:30:00Z");
        assertThat(((SourceRow.Cells) rows.get(1)).values()).containsExactly("2", "Zoë 🚀", "say \"hi\"", "2024-05-01 12:30:00");
        assertThat(((SourceRow.Cells) rows.get(2)).values()).containsExactly("3", "東京", "plain", "1714566600000000");
    }

    @Test
    void skipsTheUtf8ByteOrderMarkBeforeTheHeader() throws IOException {
        Path file = dir.resolve("bom.csv");
        Files.write(file, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "id,city\n1,Zürich\n".getBytes(StandardCharsets.UTF_8)));

        try (RecordSource source = RecordSource.open(file, SourceOptions.csv())) {
            assertThat(source.columns()).containsExactly("id", "city");
            assertThat(((SourceRow.Cells) source.next()).values()).containsExactly("1", "Zürich");
            assertThat(source.next()).isNull();
            assertThat(source.bytesRead()).isEqualTo(source.totalBytes());
        }
    }

    @Test
    void turnsEmptyCellsIntoNulls() throws IOException {
        Path file = write("empty.csv", "a,b,c\n1,,3\n,,\n");

        List<SourceRow> rows = readAll(file, SourceOptions.csv());

        assertThat(((SourceRow.Cells) rows.get(0)).values()).containsExactly("1", null, "3");
        assertThat(((SourceRow.Cells) rows.get(1)).values()).containsExactly(null, null, null);
    }

    @Test
    void reportsARowWithTheWrongCellCountAtItsPhysicalLineAndKeepsReading() throws IOException {
        Path file = write("bad.csv", "a,b,c\n1,\"two\nlines\",3\n4,5\n6,7,8\n");

        List<SourceRow> rows = readAll(file, SourceOptions.csv());

        assertThat(rows).hasSize(3);
        assertThat(rows.get(1)).isInstanceOfSatisfying(SourceRow.Failed.class, failed -> {
            assertThat(failed.lineNumber()).isEqualTo(4);
            assertThat(failed.reason()).isEqualTo("Line 4 has 2 cells, the header has 3");
            assertThat(failed.cells()).containsExactly("4", "5");
            assertThat(failed.isFatal()).isFalse();
        });
        assertThat(rows.get(2)).isInstanceOfSatisfying(SourceRow.Cells.class, row -> {
            assertThat(row.lineNumber()).isEqualTo(5);
            assertThat(row.values()).containsExactly("6", "7", "8");
        });
    }

    @Test
    void endsWithAFatalRowAtACsvSyntaxErrorNamingItsLine() throws IOException {
        Path file = write("syntax.csv", "a,b\n\"multi\nline\",1\n" + ",".repeat(20_000) + "\n3,4\n");

        List<SourceRow> rows = readAll(file, SourceOptions.csv());

        assertThat(rows).hasSize(2);
        assertThat(rows.get(1)).isInstanceOfSatisfying(SourceRow.Failed.class, failed -> {
            assertThat(failed.lineNumber()).isEqualTo(4);
            assertThat(failed.isFatal()).isTrue();
            assertThat(failed.reason()).startsWith("Line 4 cannot be read as CSV");
        });
    }

    /** Issue 12 item 8: a stray quote used to take every later row into one value without naming the quote. */
    @Test
    void anUnclosedQuoteFailsItsOwnLineNamingTheQuoteAndTheRowsAfterItAreRead() throws IOException {
        Path file = write("stray.csv", """
                device,temp,note
                a,1,x
                b,2,"unclosed
                c,3,z
                d,4,w
                """);

        List<SourceRow> rows = readAll(file, SourceOptions.csv());

        assertThat(rows).extracting(SourceRow::lineNumber).containsExactly(2L, 3L, 4L, 5L);
        assertThat(rows.get(1)).isInstanceOfSatisfying(SourceRow.Failed.class, failed -> {
            assertThat(failed.reason()).isEqualTo("A quote opened on line 3 in column 3 (note) is never closed; the rest of the file "
                    + "would be read as one value. This line failed alone; reading went on at line 4. Close the quote or escape it as \"\".");
            assertThat(failed.rawText()).isEqualTo("b,2,\"unclosed");
            assertThat(failed.cells()).containsExactly("b", "2", "\"unclosed");
            assertThat(failed.isFatal()).isFalse();
        });
        assertThat(((SourceRow.Cells) rows.get(2)).values()).containsExactly("c", "3", "z");
        assertThat(((SourceRow.Cells) rows.get(3)).values()).containsExactly("d", "4", "w");
        assertThat(rows).extracting(SourceRow::recordIndex).containsExactly(0L, 1L, 2L, 3L);
    }

    @Test
    void aQuoteClosedOnALaterLineByTextFailsItsLineAndTheLinesBetweenAreRead() throws IOException {
        // CRLF, a BOM and a legitimate two-line value before the fault: the restart must land on the right byte.
        Path file = dir.resolve("later.csv");
        Files.write(file, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, ("id,name,n\r\n"
                + "1,\"two\r\nlines\",5\r\n"
                + "2,\"Acme,6\r\n"
                + "3,Zoë,7\r\n"
                + "4,\"Foo\",8\r\n").getBytes(StandardCharsets.UTF_8)));

        try (RecordSource source = RecordSource.open(file, SourceOptions.csv())) {
            List<SourceRow> rows = new ArrayList<>();
            for (SourceRow row; (row = source.next()) != null; ) rows.add(row);

            assertThat(rows).extracting(SourceRow::lineNumber).containsExactly(2L, 4L, 5L, 6L);
            assertThat(((SourceRow.Cells) rows.get(0)).values()).containsExactly("1", "two\r\nlines", "5");
            assertThat(rows.get(1)).isInstanceOfSatisfying(SourceRow.Failed.class, failed -> assertThat(failed.reason()).isEqualTo(
                    "A quote opened on line 4 in column 2 (name) is not closed on its line; the next quote, on line 6, is followed by "
                    + "'Foo\"', so lines 4-6 would be read as one broken value. This line failed alone; reading went on at line 5. "
                    + "Close the quote or escape it as \"\"."));
            assertThat(((SourceRow.Cells) rows.get(2)).values()).containsExactly("3", "Zoë", "7");
            assertThat(((SourceRow.Cells) rows.get(3)).values()).containsExactly("4", "Foo", "8");
            assertThat(source.bytesRead()).isEqualTo(source.totalBytes());
        }
    }

    @Test
    void textAfterAClosingQuoteFailsThatLineAlone() throws IOException {
        Path file = write("syntax.csv", "a,b\n\"multi\nline\",1\n\"x\"y,2\n3,4\n");

        List<SourceRow> rows = readAll(file, SourceOptions.csv());

        assertThat(rows).hasSize(3);
        assertThat(rows.get(1)).isInstanceOfSatisfying(SourceRow.Failed.class, failed -> {
            assertThat(failed.lineNumber()).isEqualTo(4);
            assertThat(failed.isFatal()).isFalse();
            assertThat(failed.reason()).isEqualTo("The quoted value opened on line 4 in column 1 (a) has 'y' after its closing quote. "
                    + "This line failed alone; reading went on at line 5. Put the whole value in quotes and escape a quote inside it as \"\".");
            assertThat(failed.cells()).containsExactly("\"x\"y,2");
        });
        assertThat(((SourceRow.Cells) rows.get(2)).values()).containsExactly("3", "4");
    }

    @Test
    void aRecordWithTheWrongCellCountNamesTheQuoteThatMadeItSpanLines() throws IOException {
        Path file = write("spans.csv", "a,b,c,d\n1,\"x,9\n2,y\",3\n4,5,6,7\n");

        List<SourceRow> rows = readAll(file, SourceOptions.csv());

        assertThat(rows).hasSize(2);
        assertThat(((SourceRow.Failed) rows.get(0)).reason()).isEqualTo("Line 2 has 3 cells, the header has 4; the record runs over "
                + "lines 2-3 because a quote opened in column 2 (b) closes only on line 3. If that quote is stray, close it on its line "
                + "or escape it as \"\"");
        assertThat(((SourceRow.Cells) rows.get(1)).values()).containsExactly("4", "5", "6", "7");
    }

    @Test
    void aHeaderWithAnUnclosedQuoteIsRefusedNamingTheQuote() throws IOException {
        Path file = write("header.csv", "id,\"name,n\n1,a,2\n");

        assertThatThrownBy(() -> RecordSource.open(file, SourceOptions.csv()))
                .isInstanceOfSatisfying(SourceFormatException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("The header (line 1) of header.csv cannot be read: a quote opened on line 1 in "
                            + "column 2 is never closed; the rest of the file would be read as one value.");
                    assertThat(e.problem().fix()).isEqualTo("Close the quote or escape it as \"\".");
                });
    }

    @Test
    void readsSemicolonsSingleQuotesAndLatin1WithoutAHeader() throws IOException {
        Path file = dir.resolve("latin1.txt");
        Files.writeString(file, "1;'a;b';Gödel\n2;x;y\n", StandardCharsets.ISO_8859_1);
        SourceOptions options = SourceOptions.csv().withHeader(false).withDelimiter(';').withQuote('\'')
                .withCharset(StandardCharsets.ISO_8859_1);

        try (RecordSource source = RecordSource.open(file, options)) {
            assertThat(source.columns()).containsExactly("column_1", "column_2", "column_3");
            SourceRow first = source.next();
            assertThat(first.lineNumber()).isEqualTo(1);
            assertThat(((SourceRow.Cells) first).values()).containsExactly("1", "a;b", "Gödel");
        }
    }

    @Test
    void detectsTheDelimiterFromTheFirstLine() throws IOException {
        Path file = write("data.csv", "a;b;c\n1;2;3\n");

        assertThat(SourceOptions.detect(file).delimiter()).isEqualTo(';');
    }

    @Test
    void givesTheRawTextOfARowAsACsvLine() throws IOException {
        Path file = write("raw.csv", "a,b\n\"x,y\",z\n");

        assertThat(readAll(file, SourceOptions.csv()).get(0).rawText()).isEqualTo("\"x,y\",z");
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
