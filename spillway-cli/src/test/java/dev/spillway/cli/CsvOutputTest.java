package dev.spillway.cli;

import static dev.spillway.cli.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV contract scripts rely on: header, RFC 4180 quoting, NULL vs empty string, and the text of each type. */
class CsvOutputTest {
    private static String csv(String query) {
        return cli().run("--format", "csv", "-c", query).succeeded().stdout();
    }

    @Test
    void nullIsAnEmptyUnquotedFieldAndTheEmptyStringIsQuoted() {
        assertThat(csv("SELECT NULL AS a, CAST(NULL AS VARCHAR) AS b, '' AS c, CAST(NULL AS INTEGER) AS d"))
                .isEqualTo("a,b,c,d\n,,\"\",\n");
    }

    @Test
    void quotesFieldsWithCommasQuotesAndLineBreaks() {
        String query = "SELECT 'a,b' AS comma, 'say \"hi\"' AS quote, 'one\ntwo' AS lf, 'one\r\ntwo' AS crlf, 'plain text' AS plain";
        assertThat(csv(query)).isEqualTo("comma,quote,lf,crlf,plain\n\"a,b\",\"say \"\"hi\"\"\",\"one\ntwo\",\"one\r\ntwo\",plain text\n");
    }

    @Test
    void quotesHeaderNamesLikeValues() {
        assertThat(csv("SELECT 1 AS \"x,y\", 2 AS \"say \"\"z\"\"\"")).isEqualTo("\"x,y\",\"say \"\"z\"\"\"\n1,2\n");
    }

    @Test
    void writesUnicodeAsUtf8() {
        assertThat(csv("SELECT 'Zürich' AS city, '東京 😀' AS other")).isEqualTo("city,other\nZürich,東京 😀\n");
    }

    @Test
    void readsAndWritesUnicodeFromFiles(@TempDir Path dir) throws IOException {
        Path input = dir.resolve("cities.csv");
        Files.writeString(input, "city,note\nZürich,\"grüezi, wohl\"\n東京,😀\n", StandardCharsets.UTF_8);
        assertThat(csv("SELECT * FROM '" + input + "'")).isEqualTo("city,note\nZürich,\"grüezi, wohl\"\n東京,😀\n");
    }

    @Test
    void booleansAreTrueAndFalse() {
        assertThat(csv("SELECT true AS t, false AS f, CAST(NULL AS BOOLEAN) AS n")).isEqualTo("t,f,n\ntrue,false,\n");
    }

    @Test
    void datesAndTimestampsUseIsoLayoutWithOptionalFractions() {
        String query = "SELECT DATE '2024-02-29' AS d, DATE '0001-01-01' AS first_day, TIMESTAMP '2024-01-02 03:04:05' AS whole,"
                + " TIMESTAMP '2024-01-02 03:04:05.5' AS half, TIMESTAMP '2024-01-02 03:04:05.120' AS millis";
        assertThat(csv(query)).isEqualTo("d,first_day,whole,half,millis\n"
                + "2024-02-29,0001-01-01,2024-01-02 03:04:05,2024-01-02 03:04:05.5,2024-01-02 03:04:05.12\n");
    }

    @Test
    void timestampsKeepMicroseconds(@TempDir Path dir) throws IOException {
        // From a file: SQL TIMESTAMP literals keep only milliseconds today.
        Path input = dir.resolve("times.csv");
        Files.writeString(input, "t\n1999-12-31 23:59:59.123456\n2000-01-01 00:00:00.000001\n2000-01-01 00:00:00\n");
        assertThat(csv("SELECT * FROM '" + input + "'"))
                .isEqualTo("t\n1999-12-31 23:59:59.123456\n2000-01-01 00:00:00.000001\n2000-01-01 00:00:00\n");
    }

    @Test
    void doublesUseTheShortestFormThatRoundTrips() {
        // Literals with an exponent are DOUBLE (as in DuckDB); 1e0 / 3 is a DOUBLE division.
        String query = "SELECT 1e-1 AS a, 1e-5 AS b, 1e16 AS c, 12325e-2 AS d, 1e0 / 3 AS e, -2.5e-7 AS f, 0e0 AS g, 1e15 AS h, 0.0001e0 AS i";
        assertThat(csv(query)).isEqualTo("a,b,c,d,e,f,g,h,i\n0.1,1e-05,1e+16,123.25,0.3333333333333333,-2.5e-07,0.0,1000000000000000.0,0.0001\n");
    }

    @Test
    void doublesFromDataToo() {
        assertThat(csv("SELECT \"range\" / 10e0 AS tenth FROM range(0, 4)")).isEqualTo("tenth\n0.0\n0.1\n0.2\n0.3\n");
    }

    @Test
    void notANumberAndInfinitiesAreWords() {
        String query = "SELECT CAST('nan' AS DOUBLE) AS n, CAST('inf' AS DOUBLE) AS p, CAST('-inf' AS DOUBLE) AS m";
        assertThat(csv(query)).isEqualTo("n,p,m\nnan,inf,-inf\n");
    }

    @Test
    void integersAndDecimalsArePlain() {
        assertThat(csv("SELECT 42 AS i, 12345678901234 AS big, -7 AS neg, 1.50 AS dec, -0.05 AS small"))
                .isEqualTo("i,big,neg,dec,small\n42,12345678901234,-7,1.50,-0.05\n");
    }

    @Test
    void eachQueryPrintsItsOwnHeaderAndAnEmptyResultOnlyTheHeader() {
        assertThat(csv("SELECT 1 AS a; SELECT * FROM range(0); SELECT 'x' AS b"))
                .isEqualTo("a\n1\nrange\nb\nx\n");
    }

    @Test
    void streamsLargeResults() {
        String out = csv("SELECT * FROM range(200000)");
        assertThat(out.lines().count()).isEqualTo(200_001);
        assertThat(out).startsWith("range\n0\n1\n").endsWith("\n199999\n");
    }
}
