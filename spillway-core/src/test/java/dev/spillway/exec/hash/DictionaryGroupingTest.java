package dev.spillway.exec.hash;

import static dev.spillway.api.Expressions.col;
import static dev.spillway.api.Expressions.countStar;
import static dev.spillway.api.Expressions.sum;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spillway.api.ExecutionConfig;
import dev.spillway.api.Session;
import dev.spillway.api.Spillway;
import dev.spillway.data.DictionaryCodes;
import dev.spillway.io.parquet.ParquetSource;
import dev.spillway.testing.DuckDbOracle;
import dev.spillway.testing.TableScans;
import dev.spillway.testing.TestAllocators;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grouping by a string column read from Parquet dictionary pages, where rows find their group by dictionary
 * code: several row groups (a new dictionary each), NULL keys, and entries that first appear late, against DuckDB.
 */
class DictionaryGroupingTest {
    @TempDir
    Path temp;

    @Test
    void groupsByDictionaryCodesLikeDuckDb() {
        Path file = temp.resolve("keys.parquet");
        String data = "SELECT CASE WHEN i % 11 = 0 THEN NULL ELSE 'key-' || ((i * 7) % (100 + i // 20000)) END AS s, i AS v FROM range(200000) t(i)";
        try (DuckDbOracle duckDb = new DuckDbOracle();
                Session session = Spillway.open(ExecutionConfig.defaults().withThreads(2))) {
            duckDb.execute("COPY (" + data + ") TO '" + file + "' (FORMAT parquet, ROW_GROUP_SIZE 30000)");
            boolean[] coded = {false};
            ParquetSource source = new ParquetSource(file.toString());
            try (BufferAllocator allocator = TestAllocators.newRoot()) {
                TableScans.forEachBatch(source.plan(TableScans.allColumns(source, 4096)), 4096, allocator,
                        batch -> coded[0] |= DictionaryCodes.of(batch.column(0)) != null);
            }
            assertThat(coded[0]).as("the scan keeps dictionary codes for this file").isTrue();
            List<List<Object>> expected = duckDb.query("SELECT s, count(*), sum(v) FROM '" + file + "' GROUP BY s ORDER BY s NULLS FIRST");
            List<List<Object>> actual = session.read(file.toString()).groupBy(col("s")).agg(countStar().as("n"), sum(col("v")).as("total"))
                    .sort(col("s").asc().withNullsFirst()).collect().rows();
            assertThat(actual).hasSize(expected.size()).isEqualTo(expected);
        }
    }
}
