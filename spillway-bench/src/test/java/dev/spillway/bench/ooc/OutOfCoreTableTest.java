package dev.spillway.bench.ooc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OutOfCoreTableTest {
    @Test
    void filesAreNamedByTableAndRowCount() {
        assertThat(OutOfCoreTable.X.fileName(100_000_000L)).isEqualTo("x-100000000.parquet");
        assertThat(OutOfCoreTable.O.fileName(20_000)).isEqualTo("o-20000.parquet");
    }

    @Test
    void theGroupByTableHasAHundredthOfItsRowsAsGroupsOfId3AndId6() {
        String sql = OutOfCoreTable.X.selectSql(2_000_000);
        assertThat(sql).contains("% 20000 + 1 AS VARCHAR) AS id3", "% 20000 + 1 AS INTEGER) AS id6", "FROM range(2000000)");
        assertThat(sql).contains("AS id1", "AS id2", "AS id4", "AS id5", "AS v1", "AS v2", "AS v3");
    }

    @Test
    void theCopyStatementQuotesThePath() {
        assertThat(OutOfCoreTable.O.copySql(10, Path.of("/data/it's/o-10.parquet")))
                .startsWith("COPY (SELECT")
                .endsWith("FROM range(10)) TO '/data/it''s/o-10.parquet' (FORMAT parquet)");
    }

    @Test
    void rowCountsThatWouldOverflowTheHashesAreRefused() {
        assertThatThrownBy(() -> OutOfCoreTable.X.selectSql(OutOfCoreTable.MAX_ROWS + 1)).isInstanceOf(IllegalArgumentException.class);
        // The largest multiplier times the largest row number still fits in a BIGINT.
        assertThat(Math.multiplyHigh(3266489917L, OutOfCoreTable.MAX_ROWS)).isZero();
        assertThat(3266489917L * OutOfCoreTable.MAX_ROWS).isPositive();
    }
}
