package dev.spillway.exec.hash;

import static org.assertj.core.api.Assertions.assertThat;

import static dev.spillway.api.Expressions.col;
import static dev.spillway.api.Expressions.countStar;
import static dev.spillway.api.Expressions.min;
import static dev.spillway.api.Expressions.sum;

import dev.spillway.api.Column;
import dev.spillway.api.DataFrame;
import dev.spillway.api.ExecutionConfig;
import dev.spillway.api.Expressions;
import dev.spillway.api.Session;
import dev.spillway.api.Spillway;
import dev.spillway.data.DictionaryCodes;
import dev.spillway.io.ScanSpec;
import dev.spillway.io.parquet.ParquetSource;
import dev.spillway.testing.DuckDbOracle;
import dev.spillway.testing.TableScans;
import dev.spillway.testing.TestAllocators;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Grouping by columns read from Parquet dictionary pages, where rows find their group by dictionary code:
 * several row groups (a new dictionary each, so the cache must not carry codes over), NULL keys, entries that
 * first appear late, one and two keys, string and integer dictionaries, against DuckDB.
 */
class DictionaryGroupingTest {
    @TempDir
    static Path temp;
    static Path file;
    static DuckDbOracle duckDb;

    @BeforeAll
    static void writeFile() {
        duckDb = new DuckDbOracle();
        file = temp.resolve("keys.parquet");
        // The modulus grows with i: later row groups bring entries the earlier dictionaries did not have, and the
        // same entry gets a different code in each row group.
        duckDb.execute("""
                COPY (SELECT CASE WHEN i %% 11 = 0 THEN NULL ELSE 'key-' || ((i * 7) %% (100 + i // 20000)) || '-ü' END AS s,
                             CASE WHEN i %% 13 = 0 THEN NULL ELSE ((i * 3) %% (40 + i // 50000))::INTEGER END AS k,
                             'wide-' || (i %% 90000) AS w,
                             i AS v
                      FROM range(200000) t(i))
                TO '%s' (FORMAT parquet, ROW_GROUP_SIZE 30000)""".formatted(file));
    }

    @AfterAll
    static void stopDuckDb() {
        duckDb.close();
    }

    @Test
    void scanKeepsCodesForDictionaryColumnsOnly() {
        ParquetSource source = new ParquetSource(file.toString());
        boolean[] coded = new boolean[4];
        long[] checked = {0};
        try (BufferAllocator allocator = TestAllocators.newRoot()) {
            ScanSpec spec = TableScans.allColumns(source, 4096).withCodedColumns(Set.of(0, 1, 2, 3));
            TableScans.forEachBatch(source.plan(spec), 4096, allocator, batch -> {
                for (int c = 0; c < 4; c++) {
                    DictionaryCodes codes = batch.codes(c);
                    coded[c] |= codes != null;
                    if (codes != null) {
                        // Each code is the row's value's place in its dictionary: equal codes, equal values.
                        for (int row = 0; row < batch.rowCount(); row++) {
                            int code = codes.code(row);
                            assertThat(code == -1).isEqualTo(batch.column(c).isNull(row));
                            assertThat(code).isLessThan(codes.dictionarySize());
                            checked[0]++;
                        }
                    }
                }
            });
        }
        assertThat(coded).as("codes for s and k (dictionaries), none for w and v").containsExactly(true, true, false, false);
        assertThat(checked[0]).isGreaterThanOrEqualTo(400_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"s", "k", "s,k", "k,s"})
    void groupsByDictionaryCodesLikeDuckDb(String keys) {
        String[] names = keys.split(",");
        String query = "SELECT " + keys + ", count(*) AS n, sum(v) AS total, min(w) AS first_w FROM '" + file + "' GROUP BY " + keys
                + " ORDER BY " + String.join(" NULLS FIRST, ", names) + " NULLS FIRST";
        Column[] groupKeys = Arrays.stream(names).map(Expressions::col).toArray(Column[]::new);
        Column.SortOrder[] order = Arrays.stream(names).map(name -> col(name).asc().withNullsFirst()).toArray(Column.SortOrder[]::new);
        for (int threads : new int[] {1, 2}) {
            try (Session session = Spillway.open(ExecutionConfig.defaults().withThreads(threads))) {
                DataFrame grouped = session.read(file.toString()).groupBy(groupKeys)
                        .agg(countStar().as("n"), sum(col("v")).as("total"), min(col("w")).as("first_w"));
                List<String> inFileOrder = List.of("s", "k").stream().filter(Arrays.asList(names)::contains).toList();
                assertThat(grouped.explain()).as("the scan keeps the keys' codes").contains("dictionary_codes=" + inFileOrder);
                List<List<Object>> actual = grouped.sort(order).collect().rows();
                assertThat(actual).as("%d threads", threads).isEqualTo(duckDb.query(query));
            }
        }
    }
}
