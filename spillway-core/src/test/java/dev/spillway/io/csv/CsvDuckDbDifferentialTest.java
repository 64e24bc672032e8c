package dev.spillway.io.csv;

import static dev.spillway.io.text.TextFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spillway.io.text.DuckDbOracle;
import dev.spillway.io.text.ScanResults;
import dev.spillway.testing.TestAllocators;
import dev.spillway.types.DataType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated CSV files read by DuckDB's {@code read_csv} and by {@link dev.spillway.io.csv.CsvSource}: the same
 * column names, the same types (mapped to Spillway's), the same values, in the same order, also when read as many
 * tasks. Generators stay inside what both engines support (no TIME columns, integers up to 38 digits, ISO dates).
 */
class CsvDuckDbDifferentialTest {
    private static DuckDbOracle duckDb;

    @TempDir
    Path directory;

    private BufferAllocator allocator;

    @BeforeAll
    static void startDuckDb() {
        duckDb = new DuckDbOracle();
    }

    @AfterAll
    static void stopDuckDb() {
        duckDb.close();
    }

    @BeforeEach
    void openAllocator() {
        allocator = TestAllocators.newRoot();
    }

    @AfterEach
    void checkLeaks() {
        TestAllocators.closeChecked(allocator);
    }

    private void assertSameAsDuckDb(String file, String description) {
        var source = dev.spillway.io.csv.CsvSource.of(file);
        List<DuckDbOracle.Column> expected = duckDb.describe("read_csv(" + DuckDbOracle.literal(file) + ")");
        assertThat(source.schema().names()).as("names of %s", description).isEqualTo(expected.stream().map(DuckDbOracle.Column::name).toList());
        assertThat(source.schema().types()).as("types of %s (DuckDB: %s)", description, expected)
                .isEqualTo(expected.stream().map(DuckDbOracle.Column::spillwayType).toList());
        List<List<Object>> rows = duckDb.rows("read_csv(" + DuckDbOracle.literal(file) + ")", source.schema());
        System.out.println(description.replace("\n", "\\n") + ": " + source.describe() + " " + source.schema() + " rows " + rows.size());
        assertThat(ScanResults.readAll(source, allocator)).as("rows of %s", description).isEqualTo(rows);
        assertThat(ScanResults.readAll(source, allocator, Math.max(1024, source.estimatedBytes() / 5), 100))
                .as("rows of %s read as several tasks", description).isEqualTo(rows);
    }

    @Test
    void mixedFilesWithQuotingAndLineBreaks() {
        for (long seed = 0; seed < 12; seed++) {
            String file = write(directory, "mixed" + seed + ".csv", new RandomCsv(seed, seed % 2 == 0).file(50 + (int) seed * 40));
            assertSameAsDuckDb(file, "seed " + seed);
        }
    }

    @Test
    void typeEdgeCases() {
        for (long seed = 0; seed < 25; seed++) {
            Random random = new Random(seed);
            List<Function<Random, String>> columns = new ArrayList<>();
            int count = 1 + random.nextInt(6);
            for (int i = 0; i < count; i++) {
                columns.add(GENERATORS.get(random.nextInt(GENERATORS.size())));
            }
            char delimiter = ",;|\t".charAt(random.nextInt(4));
            String lineEnd = random.nextBoolean() ? "\n" : "\r\n";
            StringBuilder content = new StringBuilder();
            if (random.nextInt(3) > 0) {
                for (int i = 0; i < count; i++) {
                    content.append(i == 0 ? "" : delimiter).append("col_").append(i);
                }
                content.append(lineEnd);
            }
            int rows = 20 + random.nextInt(300);
            for (int row = 0; row < rows; row++) {
                for (int i = 0; i < count; i++) {
                    String value = random.nextInt(12) == 0 ? "" : columns.get(i).apply(random);
                    if (value.indexOf(delimiter) >= 0 || value.contains("\"") || value.contains("\n")) {
                        value = "\"" + value.replace("\"", "\"\"") + "\"";
                    }
                    content.append(i == 0 ? "" : delimiter).append(value);
                }
                content.append(lineEnd);
            }
            String file = write(directory, "edge" + seed + ".csv", content.toString());
            assertSameAsDuckDb(file, "seed " + seed);
        }
    }

    private static final List<Function<Random, String>> GENERATORS = List.of(
            random -> Long.toString(random.nextLong() >> random.nextInt(64)),
            random -> Integer.toString(random.nextInt(2000) - 1000),
            random -> String.format(Locale.ROOT, "%.4f", random.nextGaussian() * 1e4),
            random -> String.format(Locale.ROOT, "%.3e", random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20)),
            random -> random.nextBoolean() ? "." + random.nextInt(1000) : random.nextInt(1000) + ".",
            random -> new java.math.BigInteger(60 + random.nextInt(60), random).toString(),
            random -> String.format("%05d", random.nextInt(100_000)),
            random -> List.of("true", "false", "T", "f", "TRUE", "yes", "No").get(random.nextInt(7)),
            random -> String.format("%04d-%02d-%02d", 1900 + random.nextInt(200), 1 + random.nextInt(12), 1 + random.nextInt(28)),
            random -> String.format("%04d-%02d-%02d%s%02d:%02d:%02d%s", 1970 + random.nextInt(80), 1 + random.nextInt(12),
                    1 + random.nextInt(28), random.nextBoolean() ? " " : "T", random.nextInt(24), random.nextInt(60), random.nextInt(60),
                    random.nextBoolean() ? "" : "." + (100_000 + random.nextInt(900_000))),
            random -> String.format("2020-%02d-%02d %02d:%02d:%02d%s", 1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(24),
                    random.nextInt(60), random.nextInt(60), List.of("Z", "+02", "-05:30", "+0100").get(random.nextInt(4))),
            random -> List.of("plain", "with space", "comma, inside", "quote \" inside", "ünïcödé ✓", "line\nbreak", "tab\tinside",
                    "  padded  ").get(random.nextInt(8)),
            random -> random.nextInt(5) == 0 ? Integer.toString(random.nextInt(100)) : "word" + random.nextInt(100),
            random -> random.nextInt(3) == 0 ? "-" + random.nextInt(10) : Integer.toString(random.nextInt(10)));

    @Test
    void headerAndNamingVariants() {
        String[] contents = {
            "a,b,c\n1,2.5,x\n2,3,y\n",
            "1,2,3\n4,5,6\n",
            "alice,paris\nbob,rome\n",
            "1,b\n2,x\n",
            ",b,A,a,b\n1,2,3,4,5\n",
            ",\n1,2\n",
            "a,b\n1,\n,x\n",
            "0,1,2,3,4,5,6,7,8,9,10,11\n0,1,2,3,4,5,6,7,8,9,10,11\n",
            "a;b;c\n1;2,5;x\n3;4,5;y\n",
            "a|b\n1|\"x|y\"\n",
            "a,b\n'x,y',1\n'z',2\n",
            "a\n1\n\n3\n\n",
            "a,b\n1,\"x\ny\"\n2,\"he said \"\"hi\"\"\"\n",
            "\uFEFFa,b\n1,2\n",
            "a b , c\n x ,1\n",
        };
        for (int i = 0; i < contents.length; i++) {
            assertSameAsDuckDb(write(directory, "variant" + i + ".csv", contents[i]), "variant " + i + ": " + contents[i]);
        }
    }

    @Test
    void hugeIntegersMatchDuckDbsHugeint() {
        String file = write(directory, "huge.csv", "a,b\n99999999999999999999,1\n-170141183460469231731687303715884105,2\n");
        assertThat(dev.spillway.io.csv.CsvSource.of(file).schema().type(0)).isEqualTo(DataType.decimal(38, 0));
        assertSameAsDuckDb(file, "huge integers");
    }
}
