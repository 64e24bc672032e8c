package dev.spillway.api;

import static dev.spillway.api.Expressions.col;
import static dev.spillway.api.Expressions.fn;
import static dev.spillway.api.Expressions.lit;
import static dev.spillway.api.Expressions.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spillway.errors.ErrorKind;
import dev.spillway.errors.SpillwayException;
import dev.spillway.io.parquet.ParquetCompression;
import dev.spillway.testing.DuckDbOracle;
import dev.spillway.types.DataType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing results to files: what is written (checked by DuckDB reading it), the CSV options, and atomicity. */
class CopyToTest {
    private static final long ROWS = 300_000;

    @TempDir
    Path dir;
    private Session session;

    @BeforeEach
    void open() {
        session = Spillway.open(ExecutionConfig.defaults().withThreads(2).withTargetBatchRows(4096));
    }

    @AfterEach
    void close() {
        assertThat(session.memoryPool().used()).as("memory still allocated after the test").isZero();
        session.close();
    }

    /** k = range % 1000; s = 'v' || range, NULL every 7th row; x = range / 4.0. */
    private DataFrame data() {
        return session.range(ROWS).select(
                col("range").as("id"),
                col("range").mod(1000L).as("k"),
                when(col("range").mod(7L).eq(0L), lit(null).cast(DataType.VARCHAR), fn("concat", lit("v"), col("range").cast(DataType.VARCHAR))).as("s"),
                col("range").dividedBy(4).as("x"));
    }

    private static final String DUCKDB_DATA = "SELECT range AS id, range % 1000 AS k, CASE WHEN range % 7 = 0 THEN NULL ELSE 'v' || range END AS s, "
            + "range / 4 AS x FROM range(" + ROWS + ")";
    private static final String CHECKSUMS = "SELECT count(*), count(s), sum(id), sum(k), min(s), max(s), sum(x), count(DISTINCT s) FROM ";

    private List<String> files() throws Exception {
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void parquetHoldsExactlyTheRowsDuckDbComputes() throws Exception {
        Path file = dir.resolve("out.parquet");
        long rows = data().write(file.toString(), CopyOptions.parquet().withCompression(ParquetCompression.ZSTD).withRowGroupBytes(1 << 20));
        assertThat(rows).isEqualTo(ROWS);
        try (DuckDbOracle duckDb = new DuckDbOracle()) {
            assertThat(duckDb.query(CHECKSUMS + "read_parquet('" + file + "')"))
                    .isEqualTo(duckDb.query(CHECKSUMS + "(" + DUCKDB_DATA + ")"));
            assertThat(duckDb.query("SELECT count(*) > 1 FROM (SELECT DISTINCT row_group_id FROM parquet_metadata('" + file + "'))"))
                    .containsExactly(List.of(true));
        }
        assertThat(files()).containsExactly("out.parquet");
    }

    @Test
    void csvUsesTheDelimiterAndHeaderOptionsAndQuotesWhatNeedsIt() throws Exception {
        Path file = dir.resolve("out.csv");
        DataFrame values = session.range(4).select(
                col("range").as("n"),
                when(col("range").eq(0L), lit(null).cast(DataType.VARCHAR),
                        when(col("range").eq(1L), lit(""), when(col("range").eq(2L), lit("a;b \"q\""), lit("ünï")))).as("text"));
        values.write(file.toString(), CopyOptions.csv().withDelimiter(';'));
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("n;text\n0;\n1;\"\"\n2;\"a;b \"\"q\"\"\"\n3;ünï\n");

        values.write(file.toString(), CopyOptions.parse(file.toString(), Map.of("HEADER", "false")));
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("0,\n1,\"\"\n2,\"a;b \"\"q\"\"\"\n3,ünï\n");
    }

    @Test
    void csvMatchesDuckDbReadingIt() throws Exception {
        Path file = dir.resolve("out.csv");
        assertThat(data().writeCsv(file.toString())).isEqualTo(ROWS);
        try (DuckDbOracle duckDb = new DuckDbOracle()) {
            assertThat(duckDb.query(CHECKSUMS + "read_csv('" + file + "')"))
                    .isEqualTo(duckDb.query(CHECKSUMS + "(" + DUCKDB_DATA + ")"));
        }
    }

    @Test
    void aFailingQueryLeavesThePreviousFileAndNoTemporaryFile() throws Exception {
        Path file = dir.resolve("out.parquet");
        Files.writeString(file, "previous contents");
        // Fails only at row 250,000: by then row groups have been written to the temporary file.
        DataFrame failing = session.range(ROWS).select(
                col("range"), when(col("range").eq(250_000L), lit("bad"), lit("1")).cast(DataType.INTEGER).as("n"));
        assertThatThrownBy(() -> failing.write(file.toString(), CopyOptions.parquet().withRowGroupBytes(256 << 10)))
                .isInstanceOf(SpillwayException.class).hasMessageContaining("'bad'");
        assertThat(Files.readString(file)).isEqualTo("previous contents");
        assertThat(files()).containsExactly("out.parquet");

        assertThat(data().writeParquet(file.toString())).isEqualTo(ROWS);
        assertThat(session.read(file.toString()).count()).isEqualTo(ROWS);
    }

    @Test
    void anInterruptedCopyStopsAndLeavesNothing() throws Exception {
        Path file = dir.resolve("big.csv");
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                session.range(1_000_000_000L).select(col("range").times(3L).as("n")).writeCsv(file.toString());
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        writer.start();
        // Wait until the temporary file has data, so the interrupt lands mid-copy.
        while (failure.get() == null && files().stream().noneMatch(name -> name.endsWith(".tmp"))) {
            Thread.sleep(10);
        }
        writer.interrupt();
        writer.join(60_000);
        assertThat(writer.isAlive()).isFalse();
        assertThat(failure.get()).isInstanceOf(SpillwayException.class);
        assertThat(((SpillwayException) failure.get()).kind()).isEqualTo(ErrorKind.CANCELLED);
        assertThat(files()).isEmpty();
    }

    @Test
    void badTargetsFailBeforeTheQueryRuns() {
        assertThatThrownBy(() -> data().writeCsv(dir.resolve("missing/out.csv").toString()))
                .hasMessage("cannot write '%s': the folder %s does not exist", dir.resolve("missing/out.csv"), dir.resolve("missing"));
        assertThatThrownBy(() -> data().writeCsv(dir.toString())).hasMessage("cannot write '%s': it is a folder", dir);
        assertThatThrownBy(() -> CopyOptions.parse("x.parquet", Map.of("FORMAT", "csv", "COMPRESSION", "zstd")))
                .hasMessage("COPY option COMPRESSION applies to FORMAT parquet only, not csv");
    }

    @Test
    void emptyResultsGiveValidEmptyFiles() throws Exception {
        Path parquet = dir.resolve("empty.parquet");
        Path csv = dir.resolve("empty.csv");
        assertThat(data().filter(col("id").lt(0L)).writeParquet(parquet.toString())).isZero();
        assertThat(data().filter(col("id").lt(0L)).writeCsv(csv.toString())).isZero();
        assertThat(session.read(parquet.toString()).count()).isZero();
        assertThat(session.read(parquet.toString()).schema().names()).containsExactly("id", "k", "s", "x");
        assertThat(Files.readString(csv)).isEqualTo("id,k,s,x\n");
    }
}
