package dev.spillway.io.csv;

import static dev.spillway.io.text.TextFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spillway.errors.SpillwayException;
import dev.spillway.types.DataType;
import dev.spillway.types.TypeId;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Dialect, header, names and types detected from file starts; expectations checked against DuckDB 2.0's read_csv. */
class CsvSnifferTest {
    @TempDir
    Path directory;

    private dev.spillway.io.csv.CsvSource source(String content) {
        return dev.spillway.io.csv.CsvSource.of(write(directory, "data.csv", content));
    }

    private static List<String> types(dev.spillway.io.csv.CsvSource source) {
        return source.schema().types().stream().map(DataType::toString).toList();
    }

    @Test
    void headerOverNumbersAndStrings() {
        var source = source("a,b,c\n1,2.5,x\n2,3,y\n");
        assertThat(source.schema().names()).containsExactly("a", "b", "c");
        assertThat(types(source)).containsExactly("BIGINT", "DOUBLE", "VARCHAR");
        assertThat(source.layout().dialect().header()).isTrue();
    }

    @Test
    void noHeaderWhenTheFirstRowFitsTheTypes() {
        var source = source("1,2,3\n4,5,6\n");
        assertThat(source.schema().names()).containsExactly("column0", "column1", "column2");
        assertThat(types(source)).containsExactly("BIGINT", "BIGINT", "BIGINT");
        assertThat(source.layout().dialect().header()).isFalse();
    }

    @Test
    void generatedNamesArePaddedBeyondTenColumns() {
        var source = source("0,1,2,3,4,5,6,7,8,9,10,11\n0,1,2,3,4,5,6,7,8,9,10,11\n");
        assertThat(source.schema().names()).startsWith("column00", "column01").endsWith("column10", "column11");
    }

    @Test
    void allTextColumnsMeanTheFirstRowIsAHeader() {
        // Nothing can tell a header from data when every column is text; DuckDB assumes a header.
        assertThat(source("alice,paris\nbob,rome\n").schema().names()).containsExactly("alice", "paris");
        assertThat(source("1,2\nx,y\n").schema().names()).containsExactly("1", "2");
    }

    @Test
    void firstRowThatFitsTheTypesIsData() {
        var source = source("1,b\n2,x\n");
        assertThat(source.layout().dialect().header()).isFalse();
        assertThat(types(source)).containsExactly("BIGINT", "VARCHAR");
    }

    @Test
    void allEmptyFirstRowIsAHeaderWithGeneratedNames() {
        var source = source(",\n1,2\n");
        assertThat(source.schema().names()).containsExactly("column0", "column1");
        assertThat(types(source)).containsExactly("BIGINT", "BIGINT");
    }

    @Test
    void singleRowDecidesFromItsOwnTypes() {
        assertThat(source("1,2\n").layout().dialect().header()).isFalse();
        assertThat(source("a,1\n").layout().dialect().header()).isFalse();
        var header = source("a,b\n");
        assertThat(header.layout().dialect().header()).isTrue();
        assertThat(types(header)).containsExactly("VARCHAR", "VARCHAR");
    }

    @Test
    void headerNamesAreTrimmedAndMadeUniqueIgnoringCase() {
        var source = source(",b,A,a,b, c \n1,2,3,4,5,6\n");
        assertThat(source.schema().names()).containsExactly("column0", "b", "A", "a_1", "b_1", "c");
        assertThat(source("a,a,b,a\n1,2,3,4\n").schema().names()).containsExactly("a", "a_1", "b", "a_2");
    }

    @Test
    void emptyFileIsOneTextColumn() {
        var source = source("");
        assertThat(source.schema().names()).containsExactly("column0");
        assertThat(types(source)).containsExactly("VARCHAR");
    }

    @Test
    void headerOnlyFileHasTextColumns() {
        var source = source("a,b,c\n");
        assertThat(source.schema().names()).containsExactly("a", "b", "c");
        assertThat(types(source)).containsExactly("VARCHAR", "VARCHAR", "VARCHAR");
    }

    @ParameterizedTest(name = "delimiter [{0}]")
    @ValueSource(strings = {",", ";", "\t", "|"})
    void detectsTheDelimiter(String delimiter) {
        String header = String.join(delimiter, "a", "b", "c");
        String row = String.join(delimiter, "1", "x" + (delimiter.equals(",") ? "" : ",y"), "2.5");
        var source = source(header + "\n" + row + "\n" + row + "\n");
        assertThat(source.layout().dialect().delimiter()).isEqualTo((byte) delimiter.charAt(0));
        assertThat(types(source)).containsExactly("BIGINT", "VARCHAR", "DOUBLE");
    }

    @Test
    void detectsSingleQuotesWhenTheyQuoteDelimiters() {
        var source = source("a,b\n'x,y',1\n'z',2\n");
        assertThat(source.layout().dialect().quote()).isEqualTo('\'');
        assertThat(types(source)).containsExactly("VARCHAR", "BIGINT");
    }

    @Test
    void prefersDoubleQuotesOnTies() {
        assertThat(source("a,b\n1,2\n").layout().dialect().quote()).isEqualTo('"');
    }

    @Test
    void byteOrderMarkIsNotPartOfTheFirstName() {
        var source = source("\uFEFFa,b\n1,2\n");
        assertThat(source.schema().names()).containsExactly("a", "b");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '"', value = {
        "1 | -3 | 0 => BIGINT",
        "' 1' | '2 ' => BIGINT",
        "9223372036854775807 | -9223372036854775808 => BIGINT",
        "9223372036854775808 | 1 => DECIMAL(38,0)",
        "99999999999999999999 | 1.5 => DOUBLE",
        "1234567890123456789012345678901234567890 | 1 => DOUBLE",
        "007 | 1 => VARCHAR",
        "00.5 | 1 => VARCHAR",
        "-007 | 1 => BIGINT",
        "0 | 0.5 | -0 => DOUBLE",
        "+4 | 5 => VARCHAR",
        "1e5 | -1.5E+3 | .5 | 5. => DOUBLE",
        "1e | 2 => VARCHAR",
        "inf | nan => VARCHAR",
        "1e400 | 1 => DOUBLE",
        "true | FALSE | t | F | yes | No => BOOLEAN",
        "Y | N => VARCHAR",
        "1 | true => VARCHAR",
        "true | 1 => VARCHAR",
        "'TRUE ' | t => VARCHAR",
        "2020-01-05 | 2020-1-5 | 2020/01/05 | ' 2020-01-05 ' => DATE",
        "2020-02-30 | 2020-01-01 => VARCHAR",
        "2020-01-05 10:00:00 | 2020-01-05T10:00 | 2020-01-05 10:00:00.123456 => TIMESTAMP",
        "2020-01-05 10:00:00+02 | 2020-01-05 10:00:00Z => TIMESTAMP",
        "2020-01-01 | 2020-01-01 10:00 => VARCHAR",
        "2020-01-01 25:00:00 | 2020-01-01 10:00:00 => VARCHAR",
        "10:00:00 | 23:59:59 => VARCHAR",
        "01/05/2020 | 12/31/2021 => VARCHAR",
        "1.5 | 2020-01-01 => VARCHAR",
        "'' | '' => VARCHAR",
    })
    void infersColumnTypesLikeDuckDb(String values, String expected) {
        StringBuilder content = new StringBuilder("h\n");
        for (String value : values.split("\\|")) {
            String trimmed = value.strip();
            content.append(trimmed.startsWith("'") ? trimmed.substring(1, trimmed.length() - 1) : trimmed).append('\n');
        }
        var source = source(content.toString());
        assertThat(source.schema().names()).containsExactly("h");
        assertThat(types(source)).containsExactly(expected);
    }

    @Test
    void quotedNumbersAreNumbers() {
        assertThat(types(source("a,b\n\"1\",x\n\"2\",y\n"))).containsExactly("BIGINT", "VARCHAR");
    }

    @Test
    void onlyTheSampleDecidesTypes() {
        StringBuilder content = new StringBuilder("a\n");
        for (int i = 0; i < 100; i++) {
            content.append(i).append('\n');
        }
        content.append("oops\n");
        String file = write(directory, "late.csv", content.toString());
        assertThat(types(new dev.spillway.io.csv.CsvSource(file, CsvOptions.defaults().withSampleRows(50)))).containsExactly("BIGINT");
        assertThat(types(dev.spillway.io.csv.CsvSource.of(file))).containsExactly("VARCHAR");
    }

    @Test
    void optionsOverrideDetection() {
        String file = write(directory, "data.csv", "a,b,c\n1,NA,x\n2,,y\n");
        var named = dev.spillway.io.csv.CsvSource.of(file, Map.of("names", List.of("x", "y"), "types", Map.of("c", "VARCHAR(10)")));
        assertThat(named.schema().names()).containsExactly("x", "y", "c");
        var positional = dev.spillway.io.csv.CsvSource.of(file, Map.of("types", List.of("INTEGER", "VARCHAR")));
        assertThat(types(positional)).containsExactly("INTEGER", "VARCHAR", "VARCHAR");
        var columns = dev.spillway.io.csv.CsvSource.of(file, Map.of("columns", Map.of("x", "DECIMAL(10,2)")));
        assertThat(columns.layout().dialect().columnCount()).isEqualTo(1);
        var noHeader = dev.spillway.io.csv.CsvSource.of(file, Map.of("header", false));
        assertThat(noHeader.schema().names()).containsExactly("column0", "column1", "column2");
        assertThat(types(noHeader)).containsExactly("VARCHAR", "VARCHAR", "VARCHAR");
    }

    @Test
    void skipDropsLinesBeforeTheHeader() {
        var source = dev.spillway.io.csv.CsvSource.of(write(directory, "data.csv", "title line\nmore, text, here\na;b\n1;2\n"),
                Map.of("skip", 2L));
        assertThat(source.schema().names()).containsExactly("a", "b");
        assertThat(source.schema().type(0).id()).isEqualTo(TypeId.BIGINT);
    }

    @Test
    void autoDetectOffNeedsColumns() {
        String file = write(directory, "data.csv", "1;2\n");
        assertThatThrownBy(() -> dev.spillway.io.csv.CsvSource.of(file, Map.of("auto_detect", false)))
                .isInstanceOf(SpillwayException.class)
                .hasMessage("read_csv: auto_detect = false needs the columns option, e.g. columns = {'a': 'BIGINT'}");
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("x", "BIGINT");
        columns.put("y", "BIGINT");
        var source = dev.spillway.io.csv.CsvSource.of(file, Map.of("auto_detect", false, "delim", ";", "columns", columns));
        assertThat(source.layout().dialect().header()).isFalse();
        assertThat(source.schema().names()).containsExactly("x", "y");
    }

    @Test
    void typesForAnUnknownColumnIsAnError() {
        String file = write(directory, "data.csv", "a,b\n1,2\n");
        assertThatThrownBy(() -> dev.spillway.io.csv.CsvSource.of(file, Map.of("types", Map.of("z", "BIGINT"))))
                .hasMessage("read_csv: types names column \"z\", which does not exist; columns: a, b");
    }
}
