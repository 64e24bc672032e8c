package dev.spillway.sql.slt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spillway.sql.testing.KnownBug;
import java.util.List;
import org.junit.jupiter.api.Test;

class SltParserTest {
    @Test
    void readsEveryKindOfRecordWithItsAnnotations() {
        List<SltRecord> records = SltParser.parse("x.slt", """
                # a comment
                statement ok
                CREATE VIEW v AS
                SELECT 1 AS a

                # duckdb-differs: a reason
                statement error not found
                SELECT * FROM nope

                # known-bug: INTEGER_DIVISION_IS_A_COMMENT
                query IT rowsort
                SELECT a, 'x' FROM v
                ----
                1\tx
                2\t(empty)

                file __TEST_DIR__/a.csv
                a,b
                1,2

                parquet __TEST_DIR__/a.parquet
                SELECT 1 AS a
                """);
        assertThat(records).hasSize(5);
        assertThat(records.get(0)).isEqualTo(new SltRecord.Statement(2, Annotations.NONE, "CREATE VIEW v AS\nSELECT 1 AS a", null));
        SltRecord.Statement error = (SltRecord.Statement) records.get(1);
        assertThat(error.annotations().duckDbDiffers()).isEqualTo("a reason");
        assertThat(error.error().matches("table \"nope\" not found")).isTrue();
        SltRecord.Query query = (SltRecord.Query) records.get(2);
        assertThat(query.annotations().knownBug()).isEqualTo(KnownBug.INTEGER_DIVISION_IS_A_COMMENT);
        assertThat(query.types()).isEqualTo("IT");
        assertThat(query.sortMode()).isEqualTo(SortMode.ROWSORT);
        assertThat(query.expected()).containsExactly("1\tx", "2\t(empty)");
        assertThat(((SltRecord.WriteFile) records.get(3)).content()).isEqualTo("a,b\n1,2\n");
        assertThat(((SltRecord.WriteParquet) records.get(4)).sql()).isEqualTo("SELECT 1 AS a");
    }

    @Test
    void rejectsUnknownRecordsTypesAndBugs() {
        assertThatThrownBy(() -> SltParser.parse("x.slt", "loop i 1 2\n")).hasMessageContaining("x.slt:1: unknown record 'loop'");
        assertThatThrownBy(() -> SltParser.parse("x.slt", "query X\nSELECT 1\n")).hasMessageContaining("letters I, R and T");
        assertThatThrownBy(() -> SltParser.parse("x.slt", "# known-bug: NO_SUCH_BUG\nquery I\nSELECT 1\n")).hasMessageContaining("NO_SUCH_BUG");
    }

    @Test
    void regexErrorExpectations() {
        assertThat(new ErrorExpectation("<REGEX>:line \\d+, column \\d+").matches("line 3, column 14: oops")).isTrue();
        assertThat(new ErrorExpectation("<REGEX>:^oops").matches("line 3: oops")).isFalse();
    }
}
